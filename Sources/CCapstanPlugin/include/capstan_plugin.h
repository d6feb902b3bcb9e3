/*
 * capstan_plugin.h -- the complete contract between the Capstan anchor host and a plugin.
 *
 * This file must not depend on anything but the standard C library headers: SDKs in other
 * languages (the Swift CapstanPluginKit, Rust, Zig, ...) translate it line by line.
 *
 * ==========================================================================================
 * WHAT A PLUGIN IS
 * ==========================================================================================
 * A plugin is a shared library (.so) that carries an anchor's own business logic: the contents
 * of stellar.toml, fees, banking rails, interactive forms, KYC, quotes. The host serves every
 * SEP endpoint and runs the state machine of every transaction; it asks plugins, through the
 * hooks below, for the answers that only the anchor's business can give.
 *
 * Plugins are TRUSTED. They run inside the host process, with its privileges, its memory and its
 * database credentials within reach. The checks the host makes at load time protect against
 * mistakes (a stale build, a wrong file), not against malice.
 *
 * ==========================================================================================
 * LIFECYCLE
 * ==========================================================================================
 *   dlopen -> capstan_plugin_entry() -> init (once) -> hook calls (any number) -> shutdown (once)
 *
 * 1. The host copies the file to a content-addressed path and dlopens the copy with
 *    RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE. Static constructors run here: keep them trivial.
 * 2. The host calls the single exported symbol capstan_plugin_entry(). It returns a pointer to a
 *    static capstan_plugin descriptor. The entry function must be side-effect free: the host
 *    reads the descriptor and may refuse the plugin (bad magic, other ABI major, struct too
 *    small, invalid name, a hook another plugin already owns) before any other plugin code runs.
 * 3. The host calls init() once with its service table and the plugin's own configuration.
 *    If init fails the host never calls shutdown: release what init took before returning.
 * 4. The host calls hooks, possibly concurrently (see THREADING).
 * 5. The host calls shutdown() once, when no hook call is in flight and none will start.
 *    After shutdown returns, no plugin thread may call into the host and no timer or callback
 *    of the plugin may still be pending.
 *
 * The host NEVER dlcloses a plugin whose init succeeded: Swift (and Go, ObjC, .NET) runtimes keep
 * caches that point into the image. A hot upgrade loads the new build beside the old one, routes
 * new calls to the new instance, lets calls in flight finish on the old one, then shuts the old
 * one down; its image stays mapped until the process exits. The same image may therefore be
 * initialised more than once: keep per-instance state behind the instance pointer, not in
 * globals.
 *
 * ==========================================================================================
 * THREADING
 * ==========================================================================================
 * - Hooks run on host-owned threads, never on the host's event loops, and each call has a
 *   deadline (capstan_call.deadline_unix_ms). Blocking I/O inside a hook is fine.
 * - By default any hook may be called concurrently from several threads, including the same hook
 *   on the same instance. A plugin that cannot cope sets CAPSTAN_PLUGIN_SERIAL in its
 *   descriptor: the host then runs at most one of its calls (init, hooks, shutdown) at a time.
 * - Past the deadline the host stops waiting and answers its caller without the plugin; the
 *   plugin's late reply is discarded. The hook should still return as soon as it can, because
 *   the thread it runs on stays occupied until it does.
 * - Every host function (capstan_host_api) is thread-safe. It may be called from inside init or
 *   a hook on the thread that runs it, or from threads the plugin started itself, until shutdown
 *   returns. Host functions block the calling thread until they finish.
 *
 * ==========================================================================================
 * OWNERSHIP
 * ==========================================================================================
 * - Everything the host passes in (config_json, capstan_call and every pointer in it, the
 *   request bytes) is BORROWED: valid only until the function it was passed to returns. A plugin
 *   that needs the data later copies it. The capstan_host_api table and its host pointer are the
 *   exception: they stay valid until shutdown returns.
 * - Everything the plugin hands back is COPIED by the host before the host function returns:
 *   reply() copies the response, kv_put() copies the value. There is no cross-allocator free and
 *   no release function; the plugin frees its own buffers whenever it likes after the call.
 * - Bytes the host hands out (kv_get values, host_call results) are delivered through a
 *   capstan_sink_fn: the host calls the sink once, synchronously, before the host function
 *   returns, and the bytes are valid only during that sink call. Copy them inside the sink.
 * - The descriptor, its hooks table and its name/version strings are owned by the plugin and
 *   must stay valid and unchanged for the life of the process (static storage is the norm).
 *
 * ==========================================================================================
 * DATA: JSON
 * ==========================================================================================
 * Requests and responses are UTF-8 JSON objects with an explicit length, not NUL-terminated.
 * - Field names mirror the SEPs (SEP-1, 6, 9, 12, 24, 31, 38) wherever the SEPs name the thing.
 * - Amounts are decimal strings ("100.50"), never JSON numbers; ids are strings; times are RFC
 *   3339 UTC strings ("2026-01-31T12:00:00Z"); assets in SEP-38 hooks use SEP-38's identifiers
 *   ("stellar:SRT:G...", "iso4217:USD").
 * - Both sides MUST ignore fields they do not know, and MUST NOT depend on field order. Optional
 *   fields may be absent or null with the same meaning.
 * - A response that is not valid UTF-8 JSON is treated as a failed call ("malformed response").
 *
 * Shared shapes used by several hooks below:
 *
 *   auth        the authenticated wallet (SEP-10 JWT), so plugins never re-derive identity:
 *               {"account": "G...", "memo": "123" | null, "sub": "G...:123",
 *                "client_domain": "wallet.example" | null}
 *   transaction the host's record, SEP field names:
 *               {"id", "protocol": "sep6"|"sep24"|"sep31", "kind": "deposit"|"withdrawal"|
 *                "deposit-exchange"|"withdrawal-exchange"|"receive", "status", "asset_code",
 *                "asset_issuer", "amount_in", "amount_in_asset", "amount_out", "amount_out_asset",
 *                "amount_fee", "amount_expected", "quote_id", "account", "memo", "memo_type",
 *                "from", "to", "deposit_memo", "deposit_memo_type", "withdraw_anchor_account",
 *                "withdraw_memo", "withdraw_memo_type", "stellar_transaction_id",
 *                "external_transaction_id", "started_at", "updated_at", "completed_at",
 *                "sender_id", "receiver_id", "lang"}
 *   instruction {"value": "...", "description": "..."}  (SEP-6 "instructions" entries; keys are
 *               SEP-9 financial-account field names such as "organization.bank_number")
 *   fee_detail  {"name": "Service fee", "description": "..." | null, "amount": "1.00"}
 *
 * THE CORE OWNS TRANSACTION STATUS. No hook sets a status. Hooks report what happened (funds
 * arrived, payout pending, payout completed, more information needed) and the host's state
 * machine decides the transition.
 *
 * ==========================================================================================
 * STATUS CODES AND ERRORS
 * ==========================================================================================
 * Every hook and init return one of the CAPSTAN_* status codes below; any other value is
 * treated as CAPSTAN_FATAL. On a status other than CAPSTAN_OK the plugin may reply with
 *
 *   {"error": "<message for the client>", "fields": {"<field>": "<message>", ...}}
 *
 * "error" is shown to the wallet for CAPSTAN_INVALID and CAPSTAN_NOT_FOUND (write it for the
 * wallet's user, keep secrets and PII out); "fields" attaches messages to individual request or
 * form fields. The host logs but never forwards anything else in an error body.
 *
 * ==========================================================================================
 * VERSIONING
 * ==========================================================================================
 * - CAPSTAN_PLUGIN_ABI_MAJOR changes only for a breaking change; the host refuses a plugin whose
 *   major differs from its own. CAPSTAN_PLUGIN_ABI_MINOR grows with additions (new trailing
 *   struct fields, new hooks, new host functions, new optional JSON fields). Host and plugin of
 *   different minors work together: each side checks struct_size before touching a trailing field
 *   and treats what lies beyond it as absent (NULL).
 * - Every struct begins with its size (uint32_t struct_size = sizeof as the author compiled it).
 *   Structs are append-only: fields are never removed, reordered or retyped within a major, and
 *   new ones go at the end under a "minor N" comment.
 * - The first 16 bytes of capstan_plugin (magic, struct_size, abi_major, abi_minor, flags) keep
 *   their layout in every future major, so any host can read them and explain a refusal.
 * - Only fixed-width integers, size_t, pointers and function pointers cross the ABI. No C enums
 *   (their width is the compiler's choice), no bitfields, no bool.
 */
#ifndef CAPSTAN_PLUGIN_H
#define CAPSTAN_PLUGIN_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------- */
/* Versions, magic, flags                                                                   */
/* ---------------------------------------------------------------------------------------- */

#define CAPSTAN_PLUGIN_ABI_MAJOR 1
#define CAPSTAN_PLUGIN_ABI_MINOR 0

/* capstan_plugin.magic: "CAPS" in ASCII. Catches a symbol that merely happens to be named
 * capstan_plugin_entry, and a descriptor read through a wrong pointer. */
#define CAPSTAN_PLUGIN_MAGIC 0x43415053u

/* capstan_plugin.flags: the host runs at most one call into this plugin at a time. */
#define CAPSTAN_PLUGIN_SERIAL 0x00000001u

/* The exported entry symbol, for dlsym. */
#define CAPSTAN_PLUGIN_ENTRY_SYMBOL "capstan_plugin_entry"

/* ---------------------------------------------------------------------------------------- */
/* Status codes (int32_t)                                                                   */
/* ---------------------------------------------------------------------------------------- */

#define CAPSTAN_OK            0 /* success; the reply, if any, is the response JSON */
#define CAPSTAN_INVALID       1 /* the client's request is wrong: HTTP 400 with the plugin's "error" */
#define CAPSTAN_NOT_FOUND     2 /* the thing asked for does not exist: HTTP 404 */
#define CAPSTAN_UNIMPLEMENTED 3 /* not supported here: the host uses its default or answers 501 */
#define CAPSTAN_TRANSIENT     4 /* temporary failure (bank down, rate limit): retry later / 503 */
#define CAPSTAN_FATAL         5 /* permanent failure: the transaction goes to "error" / HTTP 500 */

/* ---------------------------------------------------------------------------------------- */
/* Log levels (int32_t), for capstan_host_api.log; they match swift-log's levels            */
/* ---------------------------------------------------------------------------------------- */

#define CAPSTAN_LOG_TRACE    0
#define CAPSTAN_LOG_DEBUG    1
#define CAPSTAN_LOG_INFO     2
#define CAPSTAN_LOG_NOTICE   3
#define CAPSTAN_LOG_WARNING  4
#define CAPSTAN_LOG_ERROR    5
#define CAPSTAN_LOG_CRITICAL 6

/* ---------------------------------------------------------------------------------------- */
/* Types                                                                                    */
/* ---------------------------------------------------------------------------------------- */

/* The host's side of one plugin instance. Opaque: plugins only pass it back to host functions. */
typedef struct capstan_host capstan_host;

typedef struct capstan_call capstan_call;

/* Receives bytes the host hands out. OWNERSHIP: the bytes are the host's and valid only during
 * this call; copy them. THREADING: called synchronously on the thread that called the host
 * function, at most once, before that function returns. `bytes` may be NULL when len == 0. */
typedef void (*capstan_sink_fn)(void *sink_ctx, const uint8_t *bytes, size_t len);

/* Answers a hook call. Call it at most once, before the hook returns, with the response JSON
 * (on CAPSTAN_OK) or the error body (on any other status). OWNERSHIP: the host copies `json`
 * before reply returns. Returns CAPSTAN_OK, or CAPSTAN_INVALID if this call was already answered
 * (the second reply is ignored). A hook that returns CAPSTAN_OK without replying answers "{}". */
typedef int32_t (*capstan_reply_fn)(const capstan_call *call, const uint8_t *json, size_t len);

/* One hook call. OWNERSHIP: the host's; this struct and every pointer in it are valid only until
 * the hook returns. */
struct capstan_call {
    uint32_t struct_size;           /* sizeof(capstan_call) as the host was built */
    uint32_t reserved;              /* zero; keeps call_id 8-byte aligned on every target */
    uint64_t call_id;               /* unique per host process; quote it in logs */
    const char *hook;               /* NUL-terminated hook name, e.g. "rails_send_payout" */
    const uint8_t *request;         /* request JSON, request_len bytes, not NUL-terminated */
    size_t request_len;
    int64_t deadline_unix_ms;       /* the host stops waiting at this wall-clock time */
    const char *idempotency_key;    /* NUL-terminated; non-NULL only for side-effecting hooks.
                                     * The same key is sent again when the host retries the
                                     * same step (after a crash, a timeout or TRANSIENT): do the
                                     * work at most once per key. */
    capstan_reply_fn reply;         /* see capstan_reply_fn */
    void *host_context;             /* the host's; for reply() only */
};

/* Every hook has this signature. `instance` is what init stored in *instance_out. */
typedef int32_t (*capstan_hook_fn)(void *instance, const capstan_call *call);

/* Services the host lends a plugin. OWNERSHIP: the host's; the table and `host` stay valid
 * until shutdown returns. Append-only; check struct_size before touching a later field.
 * THREADING: every function is thread-safe (see THREADING above) and blocks until done. */
typedef struct capstan_host_api {
    uint32_t struct_size;           /* sizeof(capstan_host_api) as the host was built */
    uint16_t abi_major;             /* the host's CAPSTAN_PLUGIN_ABI_MAJOR */
    uint16_t abi_minor;             /* the host's CAPSTAN_PLUGIN_ABI_MINOR */
    capstan_host *host;             /* pass to every function below */

    /* Writes one log line under the label "capstan.plugin.<name>". `msg` is UTF-8, `len` bytes,
     * not NUL-terminated. During init, the last message at CAPSTAN_LOG_WARNING or above is
     * quoted in the host's refusal if init fails: log the reason before returning an error. */
    void (*log)(capstan_host *host, int32_t level, const char *msg, size_t len);

    /* The plugin's durable key-value store, kept in the host's database (so a plugin needs no
     * database of its own) and namespaced by plugin name: two plugins never see each other's
     * keys. Keys are UTF-8, 1 to 256 bytes; values are any bytes up to 1 MiB. Each call is its
     * own database transaction.
     * kv_get delivers the value through `sink` and returns CAPSTAN_OK, or returns
     * CAPSTAN_NOT_FOUND (sink not called) when the key is absent.
     * All three return CAPSTAN_INVALID for a bad key or value and CAPSTAN_TRANSIENT when the
     * database is unavailable. Deleting an absent key is CAPSTAN_OK. */
    int32_t (*kv_get)(capstan_host *host, const char *key, size_t key_len,
                      capstan_sink_fn sink, void *sink_ctx);
    int32_t (*kv_put)(capstan_host *host, const char *key, size_t key_len,
                      const uint8_t *value, size_t value_len);
    int32_t (*kv_delete)(capstan_host *host, const char *key, size_t key_len);

    /* The host's wall clock in Unix milliseconds. Use it rather than the system clock, so tests
     * with a fixed clock see consistent times. */
    int64_t (*now_unix_ms)(capstan_host *host);

    /* Generic request to the host: `method` is a NUL-terminated name, `json` the request object.
     * On CAPSTAN_OK the response JSON is delivered through `sink`. Returns CAPSTAN_UNIMPLEMENTED
     * for a method this host does not know; check for it, since methods are added over time and
     * a method's module may be disabled. Methods:
     *   "customer.status_changed"  (served when SEP-12 is enabled) A customer's status changed
     *       outside a request, e.g. after a manual review. req: the customer_get body for that
     *       customer, "id" required: {"id": "...", "status": "ACCEPTED", "message"?: "...", ...}.
     *       res {}. The host sends the wallet's SEP-12 callback and moves the customer's
     *       transactions out of pending_customer_info_update. NOT_FOUND for an id the host never
     *       handed out. Safe to repeat: only a status different from the last one acts. */
    int32_t (*host_call)(capstan_host *host, const char *method, const uint8_t *json, size_t len,
                         capstan_sink_fn sink, void *sink_ctx);

    /* minor 1 and later: new functions go here. */
} capstan_host_api;

/* ---------------------------------------------------------------------------------------- */
/* Hooks                                                                                    */
/* ---------------------------------------------------------------------------------------- */
/*
 * One pointer per hook; NULL means "not implemented" and the host uses its built-in default or
 * answers as the SEP says for an unsupported feature. Two plugins may not implement the same
 * hook unless the operator lists them in `plugins.order`; the earlier plugin then owns it.
 * The hook name in capstan_call.hook is the field name below.
 *
 * In the tables, "req" is the request JSON the host sends and "res" the response on CAPSTAN_OK.
 * "->" notes where the answer goes. Fields marked ? are optional.
 *
 * --- SEP-1 -------------------------------------------------------------------------------
 * toml          The anchor's part of stellar.toml. The host owns the top-level server keys
 *               (NETWORK_PASSPHRASE, SIGNING_KEY, *_SERVER, WEB_AUTH_ENDPOINT, ...) and each
 *               currency's code and issuer from its asset table; it merges the rest in.
 *   req {"home_domain": "anchor.example", "network_passphrase": "...",
 *        "currencies": [{"code": "SRT", "issuer": "G..."}]}
 *   res {"documentation": {"ORG_NAME": "...", "ORG_URL": "...", ...SEP-1 [DOCUMENTATION] keys},
 *        "principals"?: [{"name": "...", "email": "...", ...SEP-1 [[PRINCIPALS]] keys}],
 *        "currencies"?: [{"code": "SRT", "status": "test", "display_decimals": 2,
 *                         ...SEP-1 [[CURRENCIES]] keys}],
 *        "top_level"?: {"ACCOUNTS": ["G..."], ...other SEP-1 top-level keys}}
 *   Values are strings, integers, booleans or arrays of strings. Currencies are matched to the
 *   host's assets by "code"; entries for codes the host does not list are ignored.
 *   NULL -> the host serves the TOML from its configuration alone.
 *
 * fee           The fee for an operation (SEP-6 and SEP-24 GET /fee, and the amounts shown on
 *               interactive forms). Round to significant_decimals.
 *   req {"operation": "deposit"|"withdraw", "type"?: "SEPA", "asset_code": "SRT",
 *        "amount": "100.00", "significant_decimals": 2, "context": "sep6"|"sep24"|"sep31",
 *        "funding_method"?: "SEPA", "auth"?: auth}
 *   res {"fee": "2.00", "details"?: [fee_detail]}
 *   NULL -> the host computes fee_fixed + amount * fee_percent / 100 from its asset table.
 *
 * --- SEP-6 -------------------------------------------------------------------------------
 * sep6_info     Per-asset additions to SEP-6 GET /info, merged over the host's own.
 *   req {"lang"?: "en"}
 *   res {"deposit"?: {"SRT": {"funding_methods": ["SEPA"], "fields"?: {...}, ...}},
 *        "withdraw"?: {"SRT": {"funding_methods": [...], "types"?: {...}, ...}}}
 *   NULL -> the host lists its assets with their limits and fees.
 *
 * sep6_deposit  A wallet asked for a SEP-6 deposit. The transaction has its id and is "incomplete"
 *               but is not stored yet: a refusal leaves nothing in the wallet's history.
 *               Validate the request and say what the user must do.
 *   req {"transaction": transaction, "request": {...every GET /deposit parameter...},
 *        "auth": auth}
 *   res {"instructions"?: {"<sep9 name>": instruction}, "eta"?: 3600,
 *        "extra_info"?: {"message": "..."}, "customer_info_needed"?: ["first_name", ...],
 *        "customer_info_status"?: "pending"|"denied", "more_info_url"?: "https://..."}
 *   -> a non-empty customer_info_needed moves the transaction to pending_customer_info_update;
 *      otherwise it waits for the user's transfer. INVALID -> 400 to the wallet. With
 *      sep6.legacy_customer_info_status on, customer_info_needed is answered as the deprecated 403
 *      non_interactive_customer_info_needed, and customer_info_status (with more_info_url) as the
 *      403 customer_info_status body; nothing is stored.
 *   NULL -> the host answers 400 "deposit is not supported" (SEP-6 off for this anchor).
 *
 * sep6_withdraw A wallet asked for a SEP-6 withdrawal (dest, dest_extra, type, ...).
 *   req {"transaction": transaction, "request": {...every GET /withdraw parameter...},
 *        "auth": auth}
 *   res {"eta"?: 3600, "extra_info"?: {"message": "..."}, "customer_info_needed"?: [...]}
 *   -> the host itself answers account_id, memo_type and memo. NULL -> 400 as for deposits.
 *
 * --- SEP-24 ------------------------------------------------------------------------------
 * sep24_form    The next interactive form for a transaction, as a schema the host renders
 *               (localised, accessible, CSRF-protected) and validates before sep24_form_submit.
 *   req {"transaction": transaction, "step": 0, "lang": "en", "values": {...submitted so far},
 *        "prefill": {...SEP-9 fields saved through sep9_save}}
 *   res {"form": {"id": "amount", "title": "...", "description"?: "...", "submit_label"?: "...",
 *                 "fields": [{"name": "amount", "type": "text"|"email"|"number"|"amount"|
 *                             "select"|"date"|"checkbox", "label": "...", "help"?: "...",
 *                             "required"?: true, "choices"?: [{"value": "...", "label": "..."}],
 *                             "min"?: "1.00", "max"?: "1000.00", "pattern"?: "^[0-9]+$",
 *                             "value"?: "..."}]},
 *        "content"?: {"title": "...", "body": "..."}}
 *   or  {"form": null, "content"?: {...}}: no more input needed; the content page, if any, is
 *        shown last ("we will email you ..."). min/max bound numbers, amounts and dates (as
 *        strings), pattern is an ECMAScript regular expression for text.
 *   NULL -> the host's built-in one-step amount form.
 *
 * sep24_form_submit  After the host validated a submitted form against its schema.
 *   req {"transaction": transaction, "form": "amount", "step": 0, "values": {"amount": "100"},
 *        "lang": "en"}
 *   res {"transaction"?: {"amount_in"?: "100.00", "amount_out"?: "...", "amount_fee"?: "...",
 *                         "to"?: "...", "from"?: "...", "message"?: "..."}}
 *   -> updates the host applies (it checks them against the asset's limits), then it asks
 *      sep24_form for the next step. Per-field errors: answer CAPSTAN_INVALID with
 *      {"error": "...", "fields": {"amount": "Above your daily limit"}}; the form is shown again.
 *
 * sep9_save     SEP-9 fields a wallet sent with a SEP-24 request, kept to prefill forms.
 *   req {"transaction_id": "...", "auth": auth, "fields": {"email_address": "...", ...}}
 *   res {}                                  NULL -> the host keeps nothing.
 *
 * --- Rails (the off-chain side of money) --------------------------------------------------
 * deposit_instructions  How the user pays the anchor off-chain (SEP-6 "instructions", SEP-24
 *               more_info page).
 *   req {"transaction": transaction}
 *   res {"instructions": {"organization.bank_number": instruction, ...}, "message"?: "..."}
 *
 * rails_poll_deposits  Which pending deposits have arrived off-chain. Batched: one call per
 *               worker cycle. Transactions not listed in the response are still pending.
 *   req {"transactions": [transaction, ...]}
 *   res {"arrived": [{"id": "...", "amount_in": "100.00", "amount_fee"?: "1.00",
 *                     "external_transaction_id": "...", "from"?: "..."}],
 *        "failed"?: [{"id": "...", "message": "..."}]}
 *   -> the host pays each arrived deposit on Stellar at most once; failed -> "error".
 *
 * rails_send_payout  Pay a withdrawal or SEP-31 receive off-chain. Side-effecting:
 *               capstan_call.idempotency_key is set and repeats when the host retries.
 *   req {"transaction": transaction, "amount": "98.50", "asset_code": "SRT",
 *        "to"?: "...", "fields"?: {...SEP-9 financial-account fields of the customer}}
 *   res {"status": "pending_external"|"completed", "external_transaction_id": "...",
 *        "message"?: "..."}
 *   -> TRANSIENT: retried later with the same key. FATAL: the transaction goes to "error".
 *
 * rails_poll_payouts  Which payouts answered pending_external have settled. Batched.
 *   req {"transactions": [transaction, ...]}
 *   res {"completed": [{"id": "...", "external_transaction_id"?: "..."}],
 *        "failed"?: [{"id": "...", "message": "..."}]}
 *
 * --- Notifications (at least once; tolerate duplicates) ------------------------------------
 * Queued in the database write that changes a transaction's status (not when it is created:
 * its first status is no event), so a crash cannot lose them. Delivered by `capstan serve`,
 * or by `capstan worker callbacks` where the workers run apart (with `serve --no-workers` and
 * no such worker they stay queued), in order per transaction and hook. Any answer but OK or
 * UNIMPLEMENTED, a missed deadline, or no plugin implementing the hook any more is retried
 * with back-off; after callbacks.max_attempts the notification is given up (logged) and the
 * next one of that transaction and hook goes out.
 *
 * after_deposit Called once the Stellar payment of a deposit succeeded.
 *   req {"transaction": transaction}        res {}
 *   capstan_call.idempotency_key: "after_deposit:<transaction id>".
 *
 * transaction_event  A transaction changed status. `sequence` grows per transaction (not
 *   by one), so an event older than one already seen can be dropped.
 *   capstan_call.idempotency_key: "transaction_event:<transaction id>:<sequence>".
 *   req {"event": "status_changed", "sequence": 3, "previous_status": "pending_anchor",
 *        "transaction": transaction}
 *   res {}
 *
 * --- SEP-12 customers ---------------------------------------------------------------------
 * customer_get  SEP-12 GET /customer.
 *   req {"auth": auth, "id"?: "...", "memo"?: "...", "type"?: "sep31-sender",
 *        "transaction_id"?: "...", "lang"?: "en"}
 *   res the SEP-12 body: {"id"?: "...", "status": "ACCEPTED"|"PROCESSING"|"NEEDS_INFO"|
 *        "REJECTED", "fields"?: {"<sep9 name>": {"type": "string"|"binary"|"number"|"date",
 *        "description": "...", "choices"?: [...], "optional"?: false}},
 *        "provided_fields"?: {... same plus "status", "error"}, "message"?: "..."}
 *   NOT_FOUND for an unknown id (the host answers 404).
 *
 * customer_put  SEP-12 PUT /customer (idempotent upsert).
 *   req {"auth": auth, "id"?: "...", "memo"?: "...", "type"?: "...", "transaction_id"?: "...",
 *        "fields": {"first_name": "...", "mobile_number_verification"?: "...", ...},
 *        "files"?: {"photo_id_front": {"file_id": "...", "content_type": "image/jpeg",
 *                                      "size": 12345}}}
 *   res {"id": "..."}                        NOT_FOUND for an unknown id.
 *
 * customer_delete  SEP-12 DELETE /customer/{account}: erase everything about the customer.
 *   req {"auth": auth, "account": "G...", "memo"?: "..."}
 *   res {}                                   NOT_FOUND if there is nothing to erase.
 *
 * customer_callback  SEP-12 PUT /customer/callback: the host stores the URL and sends the
 *               signed callbacks; the plugin hears of it to start pushing status changes.
 *   req {"auth": auth, "id"?: "...", "account"?: "...", "memo"?: "...", "url": "https://..."}
 *   res {}
 *
 * customer_verification  SEP-12 PUT /customer/verification (deprecated in SEP-12).
 *   req {"auth": auth, "id": "...", "fields": {"mobile_number_verification": "2735021"}}
 *   res the customer_get body.               NULL -> 501.
 *
 * --- SEP-38 quotes ------------------------------------------------------------------------
 * quote_prices  SEP-38 GET /prices: indicative prices against one asset.
 *   req {"auth"?: auth, "sell_asset"?: "iso4217:USD", "sell_amount"?: "100",
 *        "buy_asset"?: "...", "buy_amount"?: "...", "sell_delivery_method"?: "...",
 *        "buy_delivery_method"?: "...", "country_code"?: "USA"}
 *   res {"buy_assets": [{"asset": "stellar:SRT:G...", "price": "1.01", "decimals": 2}]}
 *       or {"sell_assets": [...]} (whichever side the request left open)
 *
 * quote_price   SEP-38 GET /price: an indicative price for one pair.
 *   req {"auth"?: auth, "sell_asset": "...", "buy_asset": "...", "sell_amount"?: "...",
 *        "buy_amount"?: "...", "sell_delivery_method"?: "...", "buy_delivery_method"?: "...",
 *        "country_code"?: "...", "context": "sep6"|"sep24"|"sep31"}
 *   res {"total_price": "1.02", "price": "1.01", "sell_amount": "102", "buy_amount": "100",
 *        "fee": {"total": "1.00", "asset": "iso4217:USD", "details"?: [fee_detail]}}
 *
 * quote_create  SEP-38 POST /quote: a firm quote. The host assigns the id, stores the quote and
 *               enforces expires_at when the quote is used.
 *   req the quote_price request plus {"expire_after"?: "2026-01-31T12:00:00Z"}
 *   res the quote_price response plus {"expires_at": "2026-01-31T12:05:00Z"}
 *
 * --- SEP-31 -------------------------------------------------------------------------------
 * sep31_info    Per-asset additions to SEP-31 GET /info "receive", merged over the host's own.
 *   req {"lang"?: "en"}
 *   res {"receive": {"SRT": {"funding_methods": [...], "sender_sep12_type"?: "...", ...}}}
 *
 * sep31_receive Validate and accept a SEP-31 POST /transactions before the host answers 201.
 *   req {"auth": auth, "transaction": transaction, "request": {...the POST body...}}
 *   res {"amount_fee"?: "1.00", "fee_details"?: {"total": "...", "asset": "...",
 *        "details": [fee_detail]}, "message"?: "..."}
 *   -> CAPSTAN_INVALID with {"error": "customer_info_needed"} (or any reason) -> 400.
 */
typedef struct capstan_hooks {
    uint32_t struct_size;           /* sizeof(capstan_hooks) as the plugin was built */
    uint32_t reserved;              /* zero */
    capstan_hook_fn toml;
    capstan_hook_fn fee;
    capstan_hook_fn sep6_info;
    capstan_hook_fn sep6_deposit;
    capstan_hook_fn sep6_withdraw;
    capstan_hook_fn sep24_form;
    capstan_hook_fn sep24_form_submit;
    capstan_hook_fn sep9_save;
    capstan_hook_fn deposit_instructions;
    capstan_hook_fn rails_poll_deposits;
    capstan_hook_fn rails_send_payout;
    capstan_hook_fn rails_poll_payouts;
    capstan_hook_fn after_deposit;
    capstan_hook_fn transaction_event;
    capstan_hook_fn customer_get;
    capstan_hook_fn customer_put;
    capstan_hook_fn customer_delete;
    capstan_hook_fn customer_callback;
    capstan_hook_fn customer_verification;
    capstan_hook_fn quote_prices;
    capstan_hook_fn quote_price;
    capstan_hook_fn quote_create;
    capstan_hook_fn sep31_info;
    capstan_hook_fn sep31_receive;
    /* minor 1 and later: new hooks go here. */
} capstan_hooks;

/* ---------------------------------------------------------------------------------------- */
/* The descriptor and the entry symbol                                                      */
/* ---------------------------------------------------------------------------------------- */

/* What a plugin is. OWNERSHIP: the plugin's, static, never modified after the first
 * capstan_plugin_entry() call. */
typedef struct capstan_plugin {
    uint32_t magic;                 /* CAPSTAN_PLUGIN_MAGIC */
    uint32_t struct_size;           /* sizeof(capstan_plugin) */
    uint16_t abi_major;             /* CAPSTAN_PLUGIN_ABI_MAJOR */
    uint16_t abi_minor;             /* CAPSTAN_PLUGIN_ABI_MINOR */
    uint32_t flags;                 /* CAPSTAN_PLUGIN_SERIAL or 0 */
    /* The plugin's name: 1 to 64 characters from [a-z0-9_-], starting with a letter or digit.
     * It names the config section, the key-value namespace and the log label; keep it stable
     * across versions. */
    const char *name;
    const char *version;            /* never NULL; UTF-8 up to 64 bytes, e.g. "1.4.2" */

    /* Called once before any hook. `host` stays valid until shutdown returns. `config_json` is
     * this plugin's own section of the host configuration as a JSON object ("{}" if none),
     * BORROWED for the call. Store per-instance state in *instance_out (may stay NULL).
     * Return CAPSTAN_OK, or an error status after logging the reason through host->log.
     * May be NULL: the plugin then has no instance state and never sees the host table. */
    int32_t (*init)(const capstan_host_api *host, const uint8_t *config_json, size_t config_len,
                    void **instance_out);

    /* Called once, with no call in flight; stop threads and timers, release the instance.
     * The image stays mapped afterwards. May be NULL. */
    void (*shutdown)(void *instance);

    const capstan_hooks *hooks;     /* never NULL; set unimplemented hooks to NULL */
    /* minor 1 and later: new fields go here. */
} capstan_plugin;

/* The one exported symbol. Returns a pointer to a static descriptor; never NULL for a working
 * plugin. Side-effect free and cheap: the host may call it more than once. */
const capstan_plugin *capstan_plugin_entry(void);

#ifdef __cplusplus
}
#endif

#endif /* CAPSTAN_PLUGIN_H */
