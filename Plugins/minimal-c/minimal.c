/*
 * minimal.c -- the smallest useful Capstan plugin: it answers the `toml` hook with the anchor's
 * [DOCUMENTATION] section and `customer_get` with NEEDS_INFO for one field. Copy this file to
 * start a plugin in C; capstan_plugin.h is the contract and documents every hook named below.
 *
 * Build: make            (writes libminimal.so; `make OUT=/path/to/plugins.d` puts it there)
 */
#include <string.h>

#include "capstan_plugin.h"

/* The host's services, kept from init for logging. A plugin with real state would allocate a
 * struct, store it through instance_out, and free it in shutdown: the same image may be
 * initialised more than once (hot upgrade), so globals are shared by every instance. */
static const capstan_host_api *host_api;

/* `toml` request:  {"home_domain": ..., "network_passphrase": ..., "currencies": [...]}
 * `toml` response: the anchor's part of stellar.toml, which the host merges with its own.
 * The response is a constant, so there is nothing to parse; a real plugin would use a JSON
 * library of its choice on call->request / call->request_len. */
static int32_t minimal_toml(void *instance, const capstan_call *call) {
    (void)instance;
    static const char response[] =
        "{\"documentation\": {"
        "\"ORG_NAME\": \"Minimal C Anchor\", "
        "\"ORG_URL\": \"https://minimal.example\", "
        "\"ORG_DESCRIPTION\": \"The smallest Capstan plugin, written in C.\", "
        "\"ORG_OFFICIAL_EMAIL\": \"info@minimal.example\", "
        "\"ORG_SUPPORT_EMAIL\": \"support@minimal.example\"}}";
    /* The host copies the bytes before reply returns, so a static or stack buffer is fine. */
    call->reply(call, (const uint8_t *)response, sizeof response - 1);
    return CAPSTAN_OK;
}

/* `customer_get` (SEP-12 GET /customer): every customer still needs one field. The host has
 * already checked who is asking and whether an `id` is theirs, so a constant answer is safe. */
static int32_t minimal_customer_get(void *instance, const capstan_call *call) {
    (void)instance;
    static const char response[] =
        "{\"status\": \"NEEDS_INFO\", \"fields\": {\"email_address\": "
        "{\"type\": \"string\", \"description\": \"Your email address\"}}}";
    call->reply(call, (const uint8_t *)response, sizeof response - 1);
    return CAPSTAN_OK;
}

static int32_t minimal_init(const capstan_host_api *host, const uint8_t *config_json,
                            size_t config_len, void **instance_out) {
    (void)config_json; /* this plugin has no settings; `plugins.minimal` would arrive here */
    (void)config_len;
    *instance_out = NULL;
    host_api = host;
    static const char hello[] = "minimal plugin ready";
    host->log(host->host, CAPSTAN_LOG_INFO, hello, sizeof hello - 1);
    return CAPSTAN_OK;
}

static void minimal_shutdown(void *instance) {
    (void)instance;
    host_api = NULL;
}

/* One pointer per hook; every hook not named here stays NULL ("not implemented"), and the host
 * uses its defaults for it. */
static const capstan_hooks minimal_hooks = {
    .struct_size = sizeof(capstan_hooks),
    .toml = minimal_toml,
    .customer_get = minimal_customer_get,
};

static const capstan_plugin minimal_plugin = {
    .magic = CAPSTAN_PLUGIN_MAGIC,
    .struct_size = sizeof(capstan_plugin),
    .abi_major = CAPSTAN_PLUGIN_ABI_MAJOR,
    .abi_minor = CAPSTAN_PLUGIN_ABI_MINOR,
    .flags = 0, /* every function here is thread-safe; CAPSTAN_PLUGIN_SERIAL otherwise */
    .name = "minimal",
    .version = "1.0.0",
    .init = minimal_init,
    .shutdown = minimal_shutdown,
    .hooks = &minimal_hooks,
};

/* The only exported symbol: returns the static descriptor and does nothing else. */
__attribute__((visibility("default"))) const capstan_plugin *capstan_plugin_entry(void) {
    return &minimal_plugin;
}
