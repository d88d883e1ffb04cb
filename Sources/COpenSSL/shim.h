#ifndef ASSAY_COPENSSL_SHIM_H
#define ASSAY_COPENSSL_SHIM_H

#include <openssl/evp.h>
#include <openssl/err.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/pem.h>
#include <openssl/bio.h>
#include <openssl/asn1.h>
#include <openssl/objects.h>
#include <openssl/crypto.h>
#include <openssl/bn.h>
#include <openssl/ocsp.h>
#include <openssl/pkcs7.h>
#include <openssl/pkcs12.h>
#include <openssl/ts.h>
#include <openssl/ct.h>
#include <openssl/ec.h>

/* Macro wrappers: Swift cannot call function-like macros. */

static inline void assay_openssl_free(void *pointer) { OPENSSL_free(pointer); }

static inline long assay_bio_get_mem_data(BIO *bio, char **data) { return BIO_get_mem_data(bio, data); }

static inline int assay_general_names_count(const GENERAL_NAMES *names) { return sk_GENERAL_NAME_num(names); }

static inline GENERAL_NAME *assay_general_names_value(const GENERAL_NAMES *names, int index) {
    return sk_GENERAL_NAME_value(names, index);
}

/* X509_NAME_print_ex flags: RFC 2253 order and escaping, with UTF-8 left unescaped. */
static inline unsigned long assay_name_flags_rfc2253_utf8(void) { return XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB; }

/* Stacks of certificates and SCTs (OpenSSL's stack accessors are function-like macros). */
static inline STACK_OF(X509) *assay_x509_stack_new(void) { return sk_X509_new_null(); }

static inline int assay_x509_stack_push(STACK_OF(X509) *stack, X509 *certificate) {
    return sk_X509_push(stack, certificate);
}

static inline int assay_x509_stack_count(const STACK_OF(X509) *stack) { return sk_X509_num(stack); }

static inline X509 *assay_x509_stack_value(const STACK_OF(X509) *stack, int index) {
    return sk_X509_value(stack, index);
}

/* Frees the stack and every certificate in it. */
static inline void assay_x509_stack_free(STACK_OF(X509) *stack) { sk_X509_pop_free(stack, X509_free); }

static inline int assay_sct_list_count(const STACK_OF(SCT) *list) { return sk_SCT_num(list); }

static inline SCT *assay_sct_list_value(const STACK_OF(SCT) *list, int index) { return sk_SCT_value(list, index); }

static inline void assay_sct_list_free(STACK_OF(SCT) *list) { SCT_LIST_free(list); }

#endif
