namespace IotJobs.Client
{
    /// <summary>
    /// The kinds of failure <see cref="ResiliencePolicy"/> tells apart; each has one way of being met.
    /// </summary>
    public enum FailureKind
    {
        /// <summary>The service answered, and its answer is final (not found, refused, invalid, denied).</summary>
        Refused,

        /// <summary>The service is throttling: paced and waited out while it keeps answering.</summary>
        Throttled,

        /// <summary>
        /// A 5xx answer, a timeout or a connection dropped before a change was sent: at most 3 attempts.
        /// </summary>
        Transient,

        /// <summary>A change was sent and its answer never came: looked up before it is sent again.</summary>
        AnswerLost,

        /// <summary>
        /// A service limit (LimitExceededException): the 10 deletions in progress, or the account's job concurrency.
        /// </summary>
        LimitExceeded,

        /// <summary>
        /// Nothing answers where the requests go (connection refused, unknown host, no route): no retry mends it.
        /// </summary>
        Unreachable,

        /// <summary>The TLS connection failed (certificate, protocol): no retry mends it.</summary>
        Tls,

        /// <summary>The service rejected the credentials, or none could be had: no retry mends it.</summary>
        Credentials,
    }
}
