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
    /// <see cref="IotJobsClientOptions.ConcurrencyLimitPatience"/>.</item>
    /// <item>Unreachable, Tls, Credentials: no retry can mend them; the first one ends the call at once.</item>
    /// <item>Refused: the service's final answer; never sent again as it was.</item>
    /// </list>
    /// The SDK's own retries are off (<see cref="IotJobsClientConfig"/>): this is the only place that retries.
    /// Its clock, waits and jitter are the options'. Each decision is told to the caller's observer as a
    /// <see cref="ResilienceStep"/> (for -Debug), before its wait.
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
        /// give then. <paramref name="observe"/> is told of every decision taken after a failed attempt.
        /// </summary>
        public async Task<T> RunAsync<T>(
            Operation operation,
            ServiceLocation location,
            Func<int, Task<T>> send,
            Func<Task<bool>>? applied,
            Func<T>? done,
            Action<ResilienceStep>? observe,
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

                int attempt = transient + 1;
                void Tell(ResilienceStepKind step, Exception cause, TimeSpan wait) =>
                    observe?.Invoke(
                        new ResilienceStep(
                            step,
                            operation,
                            attempt,
                            options.MaxAttempts,
                            ResilienceStep.NameOf(cause),
                            wait
                        )
                    );

                var kind = FailureClassifier.Classify(failure).Kind;
                if (applied != null && kind == FailureKind.Transient && !(failure is AmazonServiceException))
                {
                    // The change may have been applied before the connection dropped: look, never resend blindly.
                    Tell(ResilienceStepKind.AnswerLost, failure, TimeSpan.Zero);
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
                        Tell(ResilienceStepKind.LookFailed, lookup, TimeSpan.Zero);
                        throw new AnswerLostException(operation.ToString(), failure);
                    }
                    Tell(
                        wasApplied ? ResilienceStepKind.LookFoundApplied : ResilienceStepKind.LookFoundNotApplied,
                        failure,
                        TimeSpan.Zero
                    );
                    if (wasApplied)
                        return done!();
                }
                switch (kind)
                {
                    case FailureKind.Throttled:
                        var throttled = options.Jitter.Apply(throttleWait);
                        Tell(ResilienceStepKind.ThrottleWait, failure, throttled);
                        await time.Delay(throttled, cancellationToken).ConfigureAwait(false);
                        throttleWait = Min(throttleWait + throttleWait, options.ThrottleWaitMax);
                        continue;
                    case FailureKind.Transient when ++transient < options.MaxAttempts:
                        var wait = TimeSpan.FromTicks(options.TransientWait.Ticks << (transient - 1));
                        var retry = options.Jitter.Apply(wait);
                        Tell(ResilienceStepKind.Retry, failure, retry);
                        await time.Delay(retry, cancellationToken).ConfigureAwait(false);
                        continue;
                    case FailureKind.Transient:
                        Tell(ResilienceStepKind.NoAttemptLeft, failure, TimeSpan.Zero);
                        ExceptionDispatchInfo.Capture(failure).Throw();
                        throw failure;
                    case FailureKind.LimitExceeded
                        when operation == Operation.CancelJob
                            && (limitedSince ??= time.GetUtcNow()) + options.ConcurrencyLimitPatience
                                > time.GetUtcNow():
                        Tell(ResilienceStepKind.LimitWait, failure, limitWait);
                        await time.Delay(limitWait, cancellationToken).ConfigureAwait(false);
                        limitWait = Min(limitWait + limitWait, options.ConcurrencyLimitWaitMax);
                        continue;
                    case FailureKind.Unreachable:
                    case FailureKind.Tls:
                        Tell(ResilienceStepKind.Unreachable, failure, TimeSpan.Zero);
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
