#ifndef CAPSTAN_CLIBGIT2_SHIM_H
#define CAPSTAN_CLIBGIT2_SHIM_H
#include <git2.h>
#endif
