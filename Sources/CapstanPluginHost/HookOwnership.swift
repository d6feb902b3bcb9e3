/// Decides which plugin owns each hook: a hook implemented by several plugins goes to the one
/// listed first in `plugins.order`; two unlisted plugins implementing the same hook conflict,
/// because load order (file names) is too accidental to decide where money goes.
struct HookOwnership {
    let order: [String]

    private func rank(_ name: String) -> Int? { self.order.firstIndex(of: name) }

    /// The first hook `candidate` shares with an accepted plugin while neither is in `order`.
    func conflict(of candidate: PluginCandidate, with accepted: [PluginCandidate]) -> (hook: PluginHook, other: PluginCandidate)? {
        guard self.rank(candidate.name) == nil else { return nil }
        for hook in candidate.implementedHooks {
            if let other = accepted.first(where: { $0.hooks[hook] != nil && self.rank($0.name) == nil }) {
                return (hook, other)
            }
        }
        return nil
    }

    /// The owner of every implemented hook; `plugins` are in load order, which breaks no real ties
    /// because conflicting unlisted plugins were refused.
    func owners(_ plugins: [LoadedPlugin]) -> [PluginHook: LoadedPlugin] {
        var owners: [PluginHook: LoadedPlugin] = [:]
        for hook in PluginHook.allCases {
            let implementers = plugins.filter { $0.implements(hook) }
            let best = implementers.min { lhs, rhs in
                (self.rank(lhs.info.name) ?? Int.max) < (self.rank(rhs.info.name) ?? Int.max)
            }
            if let best { owners[hook] = best }
        }
        return owners
    }
}
