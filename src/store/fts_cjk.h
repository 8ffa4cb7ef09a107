/*
 * fts_cjk.h -- registers the "cjk" FTS5 tokenizer (src/domain/cjk.h) on a
 * connection.  Does not include <sqlite3.h>: the handle is declared here.
 */
#ifndef BM_FTS_CJK_H
#define BM_FTS_CJK_H

struct sqlite3;

/*
 * Registers tokenizer "cjk" with the FTS5 module of db, so that
 *   CREATE VIRTUAL TABLE x USING fts5(title, body, tokenize = 'cjk')
 * works on this connection.  Call once per connection, before any
 * statement touches such a table.  Returns SQLITE_OK or an SQLite error
 * code (SQLITE_ERROR when this SQLite has no FTS5).  Nothing to free.
 */
int fts_cjk_register(struct sqlite3 *db);

#endif
