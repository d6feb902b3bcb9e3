/// The C source of the test plugins. One file, specialised with `-D` flags, builds every
/// well-behaved and every deliberately broken plugin the tests load; requests pick a behaviour
/// with `"mode"`.
enum ProbePluginSource {
    static let text = #"""
    #define _POSIX_C_SOURCE 200809L
    #include "capstan_plugin.h"

    #include <stdatomic.h>
    #include <stdio.h>
    #include <stdlib.h>
    #include <string.h>
    #include <time.h>

    #ifndef PLUGIN_NAME
    #define PLUGIN_NAME "probe"
    #endif
    #ifndef MAGIC
    #define MAGIC CAPSTAN_PLUGIN_MAGIC
    #endif
    #ifndef ABI_MAJOR
    #define ABI_MAJOR CAPSTAN_PLUGIN_ABI_MAJOR
    #endif
    #ifndef ABI_MINOR
    #define ABI_MINOR CAPSTAN_PLUGIN_ABI_MINOR
    #endif
    #ifndef FLAGS
    #define FLAGS 0
    #endif
    #ifndef INIT_STATUS
    #define INIT_STATUS CAPSTAN_OK
    #endif

    /* A newer minor appends fields; the host must ignore them. */
    typedef struct { capstan_plugin v1; uint64_t future_field; } descriptor_storage;
    typedef struct { capstan_hooks v1; capstan_hook_fn future_hook; } hooks_storage;

    #ifndef DESCRIPTOR_SIZE
    #ifdef FUTURE_FIELDS
    #define DESCRIPTOR_SIZE sizeof(descriptor_storage)
    #else
    #define DESCRIPTOR_SIZE sizeof(capstan_plugin)
    #endif
    #endif
    #ifndef HOOKS_SIZE
    #ifdef FUTURE_FIELDS
    #define HOOKS_SIZE sizeof(hooks_storage)
    #else
    #define HOOKS_SIZE sizeof(capstan_hooks)
    #endif
    #endif

    static const capstan_host_api *host;
    static char config[1024];
    static atomic_int running;
    static atomic_int most_running;

    static void sleep_ms(long ms) {
        struct timespec t = { ms / 1000, (ms % 1000) * 1000000L };
        nanosleep(&t, NULL);
    }

    static int reply_text(const capstan_call *call, const char *text) {
        return call->reply(call, (const uint8_t *)text, strlen(text));
    }

    /* The string value of "name" in a flat request, copied into out; 0 if absent. */
    static int field(const char *request, const char *name, char *out, size_t size) {
        char pattern[64];
        snprintf(pattern, sizeof pattern, "\"%s\":\"", name);
        const char *start = strstr(request, pattern);
        if (!start) return 0;
        start += strlen(pattern);
        const char *end = strchr(start, '"');
        if (!end || (size_t)(end - start) >= size) return 0;
        memcpy(out, start, (size_t)(end - start));
        out[end - start] = 0;
        return 1;
    }

    static long number(const char *request, const char *name) {
        char pattern[64];
        snprintf(pattern, sizeof pattern, "\"%s\":", name);
        const char *start = strstr(request, pattern);
        return start ? strtol(start + strlen(pattern), NULL, 10) : 0;
    }

    static void copy_sink(void *ctx, const uint8_t *bytes, size_t len) {
        char *out = ctx;
        if (len > 255) len = 255;
        memcpy(out, bytes, len);
        out[len] = 0;
    }

    static int32_t probe_hook(void *instance, const capstan_call *call) {
        (void)instance;
        char request[4096], mode[64] = "", key[256] = "", value[256] = "", out[2048];
        size_t len = call->request_len < sizeof request - 1 ? call->request_len : sizeof request - 1;
        memcpy(request, call->request, len);
        request[len] = 0;
        field(request, "mode", mode, sizeof mode);

        if (strcmp(mode, "echo") == 0 || strcmp(mode, "sleep") == 0) {
            if (strcmp(mode, "sleep") == 0) sleep_ms(number(request, "ms"));
            snprintf(out, sizeof out, "{\"id\":%ld,\"plugin\":\"%s\",\"hook\":\"%s\"}",
                     number(request, "id"), PLUGIN_NAME, call->hook);
            reply_text(call, out);
            return CAPSTAN_OK;
        }
        if (strcmp(mode, "status") == 0) {
            reply_text(call, "{\"error\":\"boom\",\"fields\":{\"amount\":\"too big\"},\"secret\":\"do not show\"}");
            return (int32_t)number(request, "status");
        }
        if (strcmp(mode, "malformed") == 0) { reply_text(call, "this is not json"); return CAPSTAN_OK; }
        if (strcmp(mode, "not_utf8") == 0) {
            static const uint8_t bad[] = { '{', '"', 'a', '"', ':', '"', 0xff, '"', '}' };
            call->reply(call, bad, sizeof bad);
            return CAPSTAN_OK;
        }
        if (strcmp(mode, "silent") == 0) return CAPSTAN_OK;
        if (strcmp(mode, "twice") == 0) {
            reply_text(call, "{\"reply\":1}");
            int second = reply_text(call, "{\"reply\":2}");
            return second == CAPSTAN_INVALID ? CAPSTAN_OK : CAPSTAN_FATAL;
        }
        if (strcmp(mode, "overlap") == 0) {
            int now = atomic_fetch_add(&running, 1) + 1;
            int seen = atomic_load(&most_running);
            while (now > seen && !atomic_compare_exchange_weak(&most_running, &seen, now)) {}
            sleep_ms(number(request, "ms"));
            atomic_fetch_sub(&running, 1);
            snprintf(out, sizeof out, "{\"id\":%ld}", number(request, "id"));
            reply_text(call, out);
            return CAPSTAN_OK;
        }
        if (strcmp(mode, "most_running") == 0) {
            snprintf(out, sizeof out, "{\"most_running\":%d}", atomic_load(&most_running));
            reply_text(call, out);
            return CAPSTAN_OK;
        }
        if (strcmp(mode, "kv_put") == 0) {
            field(request, "key", key, sizeof key);
            field(request, "value", value, sizeof value);
            return host->kv_put(host->host, key, strlen(key), (const uint8_t *)value, strlen(value));
        }
        if (strcmp(mode, "kv_get") == 0) {
            field(request, "key", key, sizeof key);
            int32_t status = host->kv_get(host->host, key, strlen(key), copy_sink, value);
            if (status != CAPSTAN_OK) return status;
            snprintf(out, sizeof out, "{\"value\":\"%s\"}", value);
            reply_text(call, out);
            return CAPSTAN_OK;
        }
        if (strcmp(mode, "host_call") == 0) {
            /* Calls the method named in "key" with {"value": <value>}; replies the status and the host's answer. */
            field(request, "key", key, sizeof key);
            field(request, "value", value, sizeof value);
            char json[300];
            snprintf(json, sizeof json, "{\"value\":\"%s\"}", value);
            char answer[256] = "null";
            int32_t status = host->host_call(host->host, key, (const uint8_t *)json, strlen(json), copy_sink, answer);
            snprintf(out, sizeof out, "{\"status\":%d,\"answer\":%s}", status, status == CAPSTAN_OK ? answer : "{}");
            reply_text(call, out);
            return CAPSTAN_OK;
        }
        if (strcmp(mode, "kv_delete") == 0) {
            field(request, "key", key, sizeof key);
            return host->kv_delete(host->host, key, strlen(key));
        }
        if (strcmp(mode, "services") == 0) {
            static const char message[] = "probe says hello";
            host->log(host->host, CAPSTAN_LOG_INFO, message, sizeof message - 1);
            int32_t unknown = host->host_call(host->host, "no.such.method", (const uint8_t *)"{}", 2, copy_sink, value);
            snprintf(out, sizeof out,
                     "{\"now\":%lld,\"host_call\":%d,\"deadline\":%lld,\"idempotency_key\":\"%s\",\"config\":%s}",
                     (long long)host->now_unix_ms(host->host), unknown, (long long)call->deadline_unix_ms,
                     call->idempotency_key ? call->idempotency_key : "", config);
            reply_text(call, out);
            return CAPSTAN_OK;
        }
        reply_text(call, "{\"error\":\"unknown mode\"}");
        return CAPSTAN_INVALID;
    }

    static int32_t probe_init(const capstan_host_api *api, const uint8_t *json, size_t len, void **instance_out) {
        host = api;
        *instance_out = NULL;
        if (len >= sizeof config) len = sizeof config - 1;
        memcpy(config, json, len);
        config[len] = 0;
    #ifdef INIT_MESSAGE
        api->log(api->host, CAPSTAN_LOG_ERROR, INIT_MESSAGE, strlen(INIT_MESSAGE));
    #endif
        return INIT_STATUS;
    }

    static void probe_shutdown(void *instance) { (void)instance; host = NULL; }

    static hooks_storage hooks = { .v1 = {
        .struct_size = HOOKS_SIZE,
    #ifdef HOOK_TOML
        .toml = probe_hook,
    #endif
    #ifdef HOOK_FEE
        .fee = probe_hook,
    #endif
    #ifdef HOOK_CUSTOMER_GET
        .customer_get = probe_hook,
    #endif
    #ifdef HOOK_CUSTOMER_PUT
        .customer_put = probe_hook,
    #endif
    #ifdef HOOK_SEND_PAYOUT
        .rails_send_payout = probe_hook,
    #endif
    #ifdef HOOK_NOTIFICATIONS
        .after_deposit = probe_hook,
        .transaction_event = probe_hook,
    #endif
    }, .future_hook = probe_hook };

    __attribute__((unused)) static descriptor_storage descriptor = { .v1 = {
        .magic = MAGIC,
        .struct_size = DESCRIPTOR_SIZE,
        .abi_major = ABI_MAJOR,
        .abi_minor = ABI_MINOR,
        .flags = FLAGS,
        .name = PLUGIN_NAME,
        .version = "0.1.0",
        .init = probe_init,
        .shutdown = probe_shutdown,
        .hooks = &hooks.v1,
    }, .future_field = 42 };

    #ifndef NO_ENTRY
    const capstan_plugin *capstan_plugin_entry(void) {
    #ifdef ENTRY_NULL
        return NULL;
    #else
        return &descriptor.v1;
    #endif
    }
    #else
    const capstan_plugin *some_other_symbol(void) { return &descriptor.v1; }
    #endif
    """#
}
