#ifndef ASSAY_CARCHIVE_SHIM_H
#define ASSAY_CARCHIVE_SHIM_H

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

/* The AE_IF* file-type macros carry a cast that Swift does not import. */
static inline unsigned int assay_ae_ifreg(void) { return (unsigned int)AE_IFREG; }
static inline unsigned int assay_ae_ifdir(void) { return (unsigned int)AE_IFDIR; }
static inline unsigned int assay_ae_iflnk(void) { return (unsigned int)AE_IFLNK; }

/* Switches the calling thread to a UTF-8 C locale so libarchive can convert names to UTF-8;
   returns the previous locale for assay_restore_locale, or 0 when C.UTF-8 is unavailable. */
static inline locale_t assay_use_utf8_locale(void) {
    locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (utf8 == (locale_t)0) return (locale_t)0;
    return uselocale(utf8);
}

static inline void assay_restore_locale(locale_t previous) {
    if (previous == (locale_t)0) return;
    locale_t current = uselocale(previous);
    if (current != LC_GLOBAL_LOCALE) freelocale(current);
}

#endif
