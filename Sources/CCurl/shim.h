#ifndef ASSAY_CCURL_SHIM_H
#define ASSAY_CCURL_SHIM_H

#include <curl/curl.h>

/* curl_easy_setopt is variadic, which Swift cannot call: one typed wrapper per kind of value. */

static inline CURLcode assay_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode assay_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode assay_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode assay_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

typedef size_t (*assay_curl_data_callback)(char *buffer, size_t size, size_t count, void *context);

static inline CURLcode assay_curl_set_callback(CURL *handle, CURLoption option, assay_curl_data_callback value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode assay_curl_response_code(CURL *handle, long *code) {
    return curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, code);
}

#endif
