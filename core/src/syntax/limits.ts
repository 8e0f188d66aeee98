/**
 * The parsers' resource limits, in one place. A report is a few hundred nodes in tens of kilobytes, without
 * anchors; a file far outside these bounds is not a report, and is refused with one diagnostic instead of being
 * parsed into a tree that costs gigabytes or recursion that overflows the stack. Each limit has a hostile input
 * in `test/support/hostile/` whose time and memory are measured there.
 */

/** Above this length (UTF-16 units) a document is not parsed at all (NB107). */
export const DEFAULT_MAX_LENGTH = 16 * 1024 * 1024;

/**
 * Above this length a document with a syntax error is not re-parsed with recovery: the `yaml` package needs tens
 * of microseconds per broken line, which on a file of megabytes means many seconds. A file this large with a
 * broken syntax gets js-yaml's one error and no tree.
 */
export const RECOVER_MAX_LENGTH = 1024 * 1024;

/** Nesting depth (collections) both tree builders accept; js-yaml's own `maxDepth` is set to it (NB106). */
export const MAX_DEPTH = 64;

/**
 * Aliases (`*name`) in one document. Neither parser ever expands an alias — the tree keeps an alias node and
 * NB104 asks for the values to be written out — so an alias bomb ("billion laughs") costs what its text costs.
 * But each alias is a finding of its own; past this many the document is refused with one NB104 instead of a
 * finding per alias. (The `yaml` package's `maxAliasCount` and js-yaml's `maxAliases` only apply when a document
 * is turned into JavaScript values, which the core never does: `toJs`-style expansion is `toJson`, which reads an
 * alias as null.)
 */
export const MAX_ALIASES = 100;

/**
 * Items of structure: an upper bound of the number of nodes, counted before parsing as the characters that can
 * start or separate a node (`,` `:` `-` `[` `{` `?` and line breaks). js-yaml's event list and the tree cost
 * about 150 bytes per node each, so a 16 MB flow sequence of zeros (eight million nodes) would take gigabytes;
 * past this many the document is refused with NB107.
 */
export const MAX_ITEMS = 1_000_000;

/**
 * Files larger than this (bytes) need not be read to be refused: UTF-8 spends at most three bytes on a UTF-16
 * unit, so such a file is longer than DEFAULT_MAX_LENGTH units whatever it holds. The CLI and the server's
 * workspace index give them NB107 without reading them.
 */
export const MAX_FILE_BYTES = 3 * DEFAULT_MAX_LENGTH;

/** A published report's page is a few hundred kilobytes; an input to import larger than this is refused unread. */
export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
