#ifndef ASSAY_CARCHIVE_SHIM_H
#define ASSAY_CARCHIVE_SHIM_H

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>
#include <zlib.h>

/* The AE_IF* file-type macros carry a cast that Swift does not import. */
static inline unsigned int assay_ae_ifreg(void) { return (unsigned int)AE_IFREG; }
static inline unsigned int assay_ae_ifdir(void) { return (unsigned int)AE_IFDIR; }
static inline unsigned int assay_ae_iflnk(void) { return (unsigned int)AE_IFLNK; }

/* archive_set_error is variadic, which Swift cannot call. */
static inline void assay_archive_set_error(struct archive *a, const char *message) {
    archive_set_error(a, -1, "%s", message);
}

/* inflateInit2 is a macro; 15 + 16 accepts only the gzip wrapper, whose CRC-32 and length zlib then checks. */
static inline int assay_inflate_init_gzip(z_streamp stream) {
    return inflateInit2(stream, 15 + 16);
}

/* Switches the calling thread to the plain C locale, whatever the process's locale: libarchive then converts no
   name (a conversion from UTF-8 would turn NFD names into NFC and merge two files), and a pax or zip name it
   cannot convert to ASCII comes back as its stored bytes (tar) or none (zip, whose local header then gives them).
   Returns the previous locale for assay_restore_locale, or 0 when the C locale is unavailable. */
static inline locale_t assay_use_c_locale(void) {
    locale_t plain = newlocale(LC_CTYPE_MASK, "C", (locale_t)0);
    if (plain == (locale_t)0) return (locale_t)0;
    return uselocale(plain);
}

static inline void assay_restore_locale(locale_t previous) {
    if (previous == (locale_t)0) return;
    locale_t current = uselocale(previous);
    if (current != LC_GLOBAL_LOCALE) freelocale(current);
}

#endif
