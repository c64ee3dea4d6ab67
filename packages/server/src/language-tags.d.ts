/** The part of `language-tags` (2.x, no bundled types) the LRS uses: RFC 5646 validity. */
declare module 'language-tags' {
  interface Tag {
    /** Well-formed and every subtag in the IANA Language Subtag Registry. */
    valid(): boolean;
    /** Why it is not valid (`code`: the library's `Tag.ERR_*` numbers). */
    errors(): { code: number; message: string }[];
  }
  export default function tags(tag: string): Tag;
}
