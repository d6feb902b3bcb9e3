/* The C target holds only the header; this file makes the ABI's layout promises checkable at
 * build time, so an accidental edit that moves a field fails here rather than in a plugin. */
#include "capstan_plugin.h"

#include <stddef.h>

/* The first 16 bytes of the descriptor never change layout: hosts of any major read them. */
_Static_assert(offsetof(capstan_plugin, magic) == 0, "magic moved");
_Static_assert(offsetof(capstan_plugin, struct_size) == 4, "struct_size moved");
_Static_assert(offsetof(capstan_plugin, abi_major) == 8, "abi_major moved");
_Static_assert(offsetof(capstan_plugin, abi_minor) == 10, "abi_minor moved");
_Static_assert(offsetof(capstan_plugin, flags) == 12, "flags moved");
_Static_assert(offsetof(capstan_plugin, name) == 16, "name moved");

/* Every struct starts with its size. */
_Static_assert(offsetof(capstan_hooks, struct_size) == 0, "hooks size moved");
_Static_assert(offsetof(capstan_host_api, struct_size) == 0, "host api size moved");
_Static_assert(offsetof(capstan_call, struct_size) == 0, "call size moved");

/* v1 has 24 hooks, in the header's order, right after the 8-byte preamble. */
_Static_assert(offsetof(capstan_hooks, toml) == 8, "first hook moved");
_Static_assert(sizeof(capstan_hooks) == 8 + 24 * sizeof(capstan_hook_fn), "v1 hooks table size changed");
