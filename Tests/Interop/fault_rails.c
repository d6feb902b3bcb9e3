/* A rails plugin for test_deposit_faults.py: every deposit it is asked about has arrived, with the amount_in
 * the transaction already carries. The request's transactions are flat JSON objects (no nested objects), so
 * each one runs from a '{' to the next '}'. */
#include "capstan_plugin.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Copies the string value of "key" inside [start, end) to out; 0 if absent or too long. */
static int field(const char *start, const char *end, const char *key, char *out, size_t out_len) {
    char pattern[64];
    int plen = snprintf(pattern, sizeof pattern, "\"%s\":", key);
    for (const char *p = start; p + plen < end; p++) {
        if (memcmp(p, pattern, (size_t)plen) != 0) continue;
        const char *value = p + plen;
        while (value < end && *value == ' ') value++;
        if (value >= end || *value != '"') return 0;
        value++;
        const char *close = memchr(value, '"', (size_t)(end - value));
        if (!close || (size_t)(close - value) >= out_len) return 0;
        memcpy(out, value, (size_t)(close - value));
        out[close - value] = 0;
        return 1;
    }
    return 0;
}

static int32_t poll_deposits(void *instance, const capstan_call *call) {
    (void)instance;
    const char *request = (const char *)call->request;
    const char *end = request + call->request_len;
    size_t capacity = 64 + call->request_len, used = 0;
    char *reply = malloc(capacity);
    if (!reply) return CAPSTAN_TRANSIENT;
    used += (size_t)snprintf(reply, capacity, "{\"arrived\": [");
    const char *cursor = memchr(request, '[', call->request_len);
    int first = 1;
    while (cursor && cursor < end) {
        const char *open = memchr(cursor, '{', (size_t)(end - cursor));
        if (!open) break;
        const char *close = memchr(open, '}', (size_t)(end - open));
        if (!close) break;
        char id[128], amount[64];
        if (field(open, close, "id", id, sizeof id) && field(open, close, "amount_in", amount, sizeof amount)) {
            used += (size_t)snprintf(reply + used, capacity - used,
                                     "%s{\"id\": \"%s\", \"amount_in\": \"%s\", \"amount_fee\": \"0\", "
                                     "\"external_transaction_id\": \"bank-%s\"}",
                                     first ? "" : ", ", id, amount, id);
            first = 0;
            if (used >= capacity) { free(reply); return CAPSTAN_TRANSIENT; }
        }
        cursor = close + 1;
    }
    used += (size_t)snprintf(reply + used, capacity - used, "]}");
    call->reply(call, (const uint8_t *)reply, used);
    free(reply);
    return CAPSTAN_OK;
}

static int32_t rails_init(const capstan_host_api *host, const uint8_t *config, size_t len, void **instance_out) {
    (void)host; (void)config; (void)len;
    *instance_out = NULL;
    return CAPSTAN_OK;
}

static void rails_shutdown(void *instance) { (void)instance; }

static const capstan_hooks hooks = {
    .struct_size = sizeof(capstan_hooks),
    .rails_poll_deposits = poll_deposits,
};

static const capstan_plugin plugin = {
    .magic = CAPSTAN_PLUGIN_MAGIC, .struct_size = sizeof(capstan_plugin),
    .abi_major = CAPSTAN_PLUGIN_ABI_MAJOR, .abi_minor = CAPSTAN_PLUGIN_ABI_MINOR,
    .flags = 0, .name = "faultrails", .version = "1.0.0",
    .init = rails_init, .shutdown = rails_shutdown, .hooks = &hooks,
};

__attribute__((visibility("default"))) const capstan_plugin *capstan_plugin_entry(void) { return &plugin; }
