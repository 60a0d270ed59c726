using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>
    /// What happens on each kind of failure, for every request the client sends, in one place:
    /// <list type="bullet">
    /// <item>Throttled: the endpoint's <see cref="RequestPacer"/> slows every request down, and the request is
    /// sent again after a growing wait (at most <see cref="IotJobsClientOptions.ThrottleWaitMax"/>), for as long as
    /// the service keeps answering.</item>
    /// <item>Transient (503 and other 5xx, a timeout, a dropped connection): at most
    /// <see cref="IotJobsClientOptions.MaxAttempts"/> attempts, a short wait between them; then the item fails with
    /// the last error.</item>
    /// <item>AnswerLost (a change sent whose answer never came): the item is looked at first; if the change
    /// was applied it counts as done, else it is sent again, within the same attempts. Never resent blindly.</item>
    /// <item>LimitExceeded: DeleteJob's (10 deletions in progress) is the <see cref="DeletionScheduler"/>'s to
    /// wait out; CancelJob's (the account's job concurrency) is waited out here, with a growing wait (at most
    /// <see cref="IotJobsClientOptions.ConcurrencyLimitWaitMax"/>) for up to
    /// <see cref="IotJobsClientOptions.ConcurrencyLimitPatience"/>, each wait told to the observer.</item>
    /// <item>Unreachable, Tls, Credentials: no retry can mend them; the first one ends the call at once.</item>
    /// <item>Refused: the service's final answer; never sent again as it was.</item>
    /// </list>
    /// The SDK's own retries are off (<see cref="IotJobsClientConfig"/>): this is the only place that retries.
    /// Its clock, waits and jitter are the options'.
    /// </summary>
    internal sealed class ResiliencePolicy
    {
        private readonly IotJobsClientOptions options;

        public ResiliencePolicy(IotJobsClientOptions options) =>
            this.options = options ?? throw new ArgumentNullException(nameof(options));

        /// <summary>
        /// Sends a request as the policy says: <paramref name="send"/> is given the attempt it makes (1, 2, 3...;
        /// a throttled try is not counted), for -Verbose. For a change, <paramref name="applied"/> looks at the
        /// item after a lost answer (true: the change took effect) and <paramref name="done"/> is the answer to
        /// give then.
        /// </summary>
        public async Task<T> RunAsync<T>(
            Operation operation,
            ServiceLocation location,
            Func<int, Task<T>> send,
            Func<Task<bool>>? applied,
            Func<T>? done,
            Action<string>? observeWait,
            CancellationToken cancellationToken
        )
        {
            var time = options.Time;
            int transient = 0;
            var throttleWait = options.TransientWait;
            var limitWait = options.ConcurrencyLimitWait;
            DateTimeOffset? limitedSince = null;
            while (true)
            {
                Exception failure;
                try
                {
                    return await send(transient + 1).ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && !(e is ArgumentException))
                {
                    failure = e;
                }

                var kind = FailureClassifier.Classify(failure).Kind;
                if (applied != null && kind == FailureKind.Transient && !(failure is AmazonServiceException))
                {
                    // The change may have been applied before the connection dropped: look, never resend blindly.
                    bool wasApplied;
                    try
                    {
                        wasApplied = await applied().ConfigureAwait(false);
                    }
                    catch (Exception lookup)
                        when (!cancellationToken.IsCancellationRequested
                            && FailureClassifier.Classify(lookup).Kind != FailureKind.Refused
                        )
                    {
                        throw new AnswerLostException(operation.ToString(), failure);
                    }
                    if (wasApplied)
                        return done!();
                }
                switch (kind)
                {
                    case FailureKind.Throttled:
                        await time.Delay(options.Jitter.Apply(throttleWait), cancellationToken).ConfigureAwait(false);
                        throttleWait = Min(throttleWait + throttleWait, options.ThrottleWaitMax);
                        continue;
                    case FailureKind.Transient when ++transient < options.MaxAttempts:
                        var wait = TimeSpan.FromTicks(options.TransientWait.Ticks << (transient - 1));
                        await time.Delay(options.Jitter.Apply(wait), cancellationToken).ConfigureAwait(false);
                        continue;
                    case FailureKind.LimitExceeded
                        when operation == Operation.CancelJob
                            && (limitedSince ??= time.GetUtcNow()) + options.ConcurrencyLimitPatience
                                > time.GetUtcNow():
                        observeWait?.Invoke(
                            "The account's limit of jobs being canceled at once is reached: "
                                + $"{operation} waits {limitWait.TotalSeconds:0} s before trying again."
                        );
                        await time.Delay(limitWait, cancellationToken).ConfigureAwait(false);
                        limitWait = Min(limitWait + limitWait, options.ConcurrencyLimitWaitMax);
                        continue;
                    case FailureKind.Unreachable:
                    case FailureKind.Tls:
                        throw new ServiceUnreachableException(kind, location, failure);
                    default:
                        ExceptionDispatchInfo.Capture(failure).Throw();
                        throw failure;
                }
            }
        }

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
    }
}
