#ifndef ASSAY_CARCHIVE_SHIM_H
#define ASSAY_CARCHIVE_SHIM_H

#include <archive.h>
#include <archive_entry.h>

#endif
