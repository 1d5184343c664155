#ifndef CROSSCHECK_CLIBXML2_SHIM_H
#define CROSSCHECK_CLIBXML2_SHIM_H

#include <libxml/xmlversion.h>
// Foundation on Linux ships its own ICU; libxml2's ICU headers would clash with it.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#endif
