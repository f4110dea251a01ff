// html-to-text ships no types (and @types/html-to-text is not installed): the one function used here.
declare module 'html-to-text' {
  export function compile(options?: Record<string, unknown>): (html: string, metadata?: unknown) => string
}
