// Calls that register a function to run later, on each change, event or message: the function
// literal handed to one runs long after the function that registered it, called by its holder.

/**
 * A call that registers a function to run later, by the last part of its name:
 * `SubscribeConfigChanges`, `OnChange`, `RegisterHook`, `AddEventHandler`, `SetCallback`,
 * `WatchFile`, `NotifyOn…`, `Handle`/`HandleFunc`; or to run at exit: `OnExit`, `OnShutdown`,
 * `RegisterOnShutdown`, `AtExit`, `Listen` (fabio's `exit.Listen(func(sig os.Signal) { … })`: a
 * literal handed to a call of that name is no address to listen on).
 */
export const REGISTERS = /^(Subscribe\w*|On[A-Z]\w*|Register\w*|Add\w*(Handler|Listener|Hook|Callback)s?|Set\w*(Handler|Callback|Hook)s?|Watch\w*|Notify\w*|Handle|HandleFunc|AtExit|Listen)$/;
