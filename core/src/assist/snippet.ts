/** LSP snippet syntax (`${1:0}`, `${1|a,b|}`, `$0`) and its plain-text reading for clients without snippets. */

export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** The text a snippet inserts when every placeholder keeps its default (choices: the first). */
export function snippetToPlain(snippet: string): string {
  let out = '';
  for (let i = 0; i < snippet.length; i++) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[++i];
    } else if (c === '$' && snippet[i + 1] === '{') {
      const close = snippet.indexOf('}', i);
      const body = snippet.slice(i + 2, close);
      const choice = /^\d+\|([^,|]*)/.exec(body);
      const placeholder = /^\d+:(.*)$/.exec(body);
      out += choice ? choice[1] : placeholder ? placeholder[1] : '';
      i = close;
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      while (/\d/.test(snippet[i + 1] ?? '')) i++;
    } else {
      out += c;
    }
  }
  return out;
}
