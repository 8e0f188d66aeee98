/**
 * Agencies are compared by name after normalising the forms people type differently: full-width and half-width
 * characters (NFKC: （） → (), ＡＢ → AB, full-width digits) and every kind of whitespace, which Chinese names
 * never contain on purpose.
 */
export function agencyKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

/** The last path segment of a URI or path, decoded, for messages: `file:///a/b/x%20y.nianbao.yaml` → `x y.nianbao.yaml`. */
export function displayName(uri: string): string {
  const clean = uri.replace(/[?#].*$/, '').replace(/[/\\]+$/, '');
  const base = clean.slice(Math.max(clean.lastIndexOf('/'), clean.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}
