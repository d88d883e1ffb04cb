#ifndef ASSAY_CLIBPQ_SHIM_H
#define ASSAY_CLIBPQ_SHIM_H

#include <libpq-fe.h>

/* Macro wrappers: Swift cannot import character-literal macros such as PG_DIAG_SQLSTATE. */

static inline const char *assay_pq_sqlstate(const PGresult *result) {
    return PQresultErrorField(result, PG_DIAG_SQLSTATE);
}

static inline const char *assay_pq_primary_message(const PGresult *result) {
    return PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
}

static inline const char *assay_pq_detail(const PGresult *result) {
    return PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL);
}

/* A notice processor that drops notices ("relation already exists, skipping"): libpq's default prints them on
   stderr, where they would interleave with Assay's own output. */
static void assay_pq_ignore_notice(void *argument, const char *message) {
    (void)argument;
    (void)message;
}

static inline void assay_pq_silence_notices(PGconn *connection) {
    PQsetNoticeProcessor(connection, assay_pq_ignore_notice, 0);
}

#endif
