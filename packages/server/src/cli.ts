/**
 * `peerkit-server [--memory] [--port N] [--host H] [--data-dir DIR]`
 *
 * Starts the server with options from the environment (see README), prints exactly one
 * line `Peerkit listening on http://…` to stdout once it is migrated, seeded and
 * listening, and shuts down gracefully on SIGTERM/SIGINT.
 */
import { createServer, optionsFromEnv } from './index.js';

function parseArgs(argv: string[]) {
  const options = optionsFromEnv();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.includes('=')
      ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
      : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--memory':
        options.memory = true;
        break;
      case '--port': {
        const port = Number(value());
        if (!Number.isInteger(port) || port < 0 || port > 65535)
          throw new Error('--port must be 0..65535');
        options.port = port;
        break;
      }
      case '--host':
        options.host = value();
        break;
      case '--data-dir':
        options.dataDir = value();
        break;
      case '--help':
      case '-h':
        process.stdout.write(
          'Usage: peerkit-server [--memory] [--port N (0 = a free port)] [--host 127.0.0.1] [--data-dir DIR]\n',
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${arg}`);
    }
  }
  return options;
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`peerkit-server: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const server = await createServer(options);
  process.stdout.write(`Peerkit listening on ${server.url}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    try {
      await server.close();
      process.exit(0);
    } catch (error) {
      process.stderr.write(
        `peerkit-server: error while stopping on ${signal}: ${(error as Error).message}\n`,
      );
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  process.stderr.write(`peerkit-server: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
