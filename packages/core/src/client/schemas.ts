/**
 * The contract schemas the REST client and the xAPI recorder check answers and request
 * bodies with. Loaded on demand (`checks.ts`), so zod and the schemas are not part of a
 * widget's first paint; only what is listed here goes into that chunk.
 */
export {
  CreateEndorsement,
  CreatePost,
  CreateReport,
  Endorsement,
  Expert,
  ExpertPage,
  GiveKudos,
  KudosCount,
  KudosCountList,
  KudosGiverPage,
  KudosQueryBody,
  Me,
  Post,
  PostEvent,
  PostPage,
  Problem,
  Profile,
  Reflection,
  ReflectionEntry,
  ReflectionEvent,
  ReflectionPage,
  Report,
  ReportItem,
  ReportPage,
  ResolveReport,
  SaveReflection,
  SaveReflectionEntry,
  SkillList,
  UpdatePost,
  UpdateProfile,
} from '../contract.js';
export { checked, problemError, readAnswer } from './answers.js';
export { writes } from './writes.js';
