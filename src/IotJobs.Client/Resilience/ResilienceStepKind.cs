namespace IotJobs.Client
{
    /// <summary>What <see cref="ResiliencePolicy"/> decided after an attempt failed.</summary>
    internal enum ResilienceStepKind
    {
        /// <summary>Throttled: the request is sent again after a wait, which uses no attempt.</summary>
        ThrottleWait,

        /// <summary>A transient failure: the next attempt follows a wait.</summary>
        Retry,

        /// <summary>A transient failure on the last attempt: the request fails.</summary>
        NoAttemptLeft,

        /// <summary>The answer to a change was lost: the item is looked at before anything is sent again.</summary>
        AnswerLost,

        /// <summary>The look found the change applied: it counts as done and is not sent again.</summary>
        LookFoundApplied,

        /// <summary>The look found the change not applied: it may be sent again.</summary>
        LookFoundNotApplied,

        /// <summary>The look failed too: the change's outcome is unknown.</summary>
        LookFailed,

        /// <summary>
        /// CancelJob met the account's limit of jobs being canceled at once: it waits and tries again.
        /// </summary>
        LimitWait,

        /// <summary>Nothing answers where the requests go, or TLS failed: no retry can mend it.</summary>
        Unreachable,
    }
}
