using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>
    /// What happens on each kind of failure, for every request the client sends, in one place:
    /// <list type="bullet">
    /// <item>Throttled: the endpoint's <see cref="RequestPacer"/> slows every request down, and the request is
    /// sent again after a growing wait (at most 5 s), for as long as the service keeps answering.</item>
    /// <item>Transient (503 and other 5xx, a timeout, a dropped connection): at most <see cref="MaxAttempts"/>
    /// attempts, a short wait between them; then the item fails with the last error.</item>
    /// <item>AnswerLost (a change sent whose answer never came): the item is looked at first; if the change
    /// was applied it counts as done, else it is sent again, within the same attempts. Never resent blindly.</item>
    /// <item>LimitExceeded: DeleteJob's (10 deletions in progress) is the <see cref="DeletionScheduler"/>'s to
    /// wait out; CancelJob's (the account's job concurrency) is waited out here, with a backoff bounded at
    /// 30 s, for up to 15 minutes, each wait told to the observer.</item>
    /// <item>Unreachable, Tls, Credentials: no retry can mend them; the first one ends the call at once.</item>
    /// <item>Refused: the service's final answer; never sent again as it was.</item>
    /// </list>
    /// The SDK's own retries are off (<see cref="IotJobsClientConfig"/>): this is the only place that retries.
    /// </summary>
    public static class ResiliencePolicy
    {
        /// <summary>Attempts of one request against transient faults: the SDK's standard mode has 3.</summary>
        public const int MaxAttempts = 3;

        private static readonly TimeSpan TransientWait = TimeSpan.FromMilliseconds(200);
        private static readonly TimeSpan ThrottleWaitMax = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan LimitWaitMax = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan LimitPatience = TimeSpan.FromMinutes(15);
        private static readonly AsyncLocal<int> Attempt = new AsyncLocal<int>();

        /// <summary>The attempt the current request is on (1, 2, 3...), for -Verbose.</summary>
        internal static int CurrentAttempt => Math.Max(1, Attempt.Value);

        /// <summary>The one classifier of failures.</summary>
        public static FailureKind Classify(Exception e)
        {
            switch (e)
            {
                case ServiceUnreachableException unreachable:
                    return unreachable.Kind;
                case AnswerLostException _:
                    return FailureKind.AnswerLost;
                case ThrottlingException _:
                    return FailureKind.Throttled;
                case LimitExceededException _:
                    return FailureKind.LimitExceeded;
                case AuthenticationFailedException _:
                    return FailureKind.Credentials;
                case NoCredentialsException _:
                    return FailureKind.Credentials;
                case AmazonServiceException service:
                    return (int)service.StatusCode >= 500 ? FailureKind.Transient : FailureKind.Refused;
            }
            if (Chain(e).Any(x => x is AuthenticationException))
                return FailureKind.Tls;
            if (
                Chain(e)
                    .OfType<SocketException>()
                    .Any(s =>
                        s.SocketErrorCode
                            is SocketError.ConnectionRefused
                                or SocketError.HostNotFound
                                or SocketError.TryAgain
                                or SocketError.NoData
                                or SocketError.HostUnreachable
                                or SocketError.NetworkUnreachable
                                or SocketError.AddressNotAvailable
                    )
            )
                return FailureKind.Unreachable;
            if (e is AmazonClientException && e.Message.IndexOf("credential", StringComparison.OrdinalIgnoreCase) >= 0)
                return FailureKind.Credentials;
            if (
                Chain(e)
                    .Any(x =>
                        x is HttpRequestException
                        || x is IOException
                        || x is TimeoutException
                        || x is OperationCanceledException
                    )
            )
                return FailureKind.Transient;
            return FailureKind.Refused;
        }

        /// <summary>True for failures no other item can escape either: the command should end at once.</summary>
        public static bool EndsTheCommand(Exception e) =>
            Classify(e) is FailureKind.Unreachable or FailureKind.Tls or FailureKind.Credentials;

        /// <summary>
        /// Sends a request as the policy says. For a change, <paramref name="applied"/> looks at the item after
        /// a lost answer (true: the change took effect) and <paramref name="done"/> is the answer to give then.
        /// </summary>
        internal static async Task<T> RunAsync<T>(
            string operation,
            ServiceLocation location,
            Func<Task<T>> send,
            Func<Task<bool>>? applied,
            Func<T>? done,
            Action<string>? observeWait,
            CancellationToken cancellationToken
        )
        {
            int transient = 0;
            var throttleWait = TransientWait;
            var limitWait = TimeSpan.FromSeconds(1);
            DateTime? limitedSince = null;
            while (true)
            {
                Attempt.Value = transient + 1;
                Exception failure;
                try
                {
                    return await send().ConfigureAwait(false);
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && !(e is ArgumentException))
                {
                    failure = e;
                }

                var kind = Classify(failure);
                if (applied != null && kind == FailureKind.Transient && !(failure is AmazonServiceException))
                {
                    // The change may have been applied before the connection dropped: look, never resend blindly.
                    bool wasApplied;
                    try
                    {
                        wasApplied = await applied().ConfigureAwait(false);
                    }
                    catch (Exception lookup)
                        when (!cancellationToken.IsCancellationRequested && Classify(lookup) != FailureKind.Refused)
                    {
                        throw new AnswerLostException(operation, failure);
                    }
                    if (wasApplied)
                        return done!();
                }
                switch (kind)
                {
                    case FailureKind.Throttled:
                        await Task.Delay(Jittered(throttleWait), cancellationToken).ConfigureAwait(false);
                        throttleWait = Min(throttleWait + throttleWait, ThrottleWaitMax);
                        continue;
                    case FailureKind.Transient when ++transient < MaxAttempts:
                        await Task.Delay(
                                Jittered(TimeSpan.FromTicks(TransientWait.Ticks << (transient - 1))),
                                cancellationToken
                            )
                            .ConfigureAwait(false);
                        continue;
                    case FailureKind.LimitExceeded
                        when operation == "CancelJob"
                            && (limitedSince ??= DateTime.UtcNow) + LimitPatience > DateTime.UtcNow:
                        observeWait?.Invoke(
                            $"The account's limit of jobs being canceled at once is reached: {operation} waits {limitWait.TotalSeconds:0} s before trying again."
                        );
                        await Task.Delay(limitWait, cancellationToken).ConfigureAwait(false);
                        limitWait = Min(limitWait + limitWait, LimitWaitMax);
                        continue;
                    case FailureKind.Unreachable:
                    case FailureKind.Tls:
                        throw new ServiceUnreachableException(kind, location, failure);
                    default:
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                        throw failure;
                }
            }
        }

        private static TimeSpan Jittered(TimeSpan wait) =>
            TimeSpan.FromTicks((long)(wait.Ticks * (0.5 + 0.5 * ThreadSafeRandom.NextDouble())));

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

        private static System.Collections.Generic.IEnumerable<Exception> Chain(Exception e)
        {
            for (var x = e; x != null; x = x.InnerException)
                yield return x;
        }

        private static class ThreadSafeRandom
        {
            private static readonly Random Seed = new Random();

            [ThreadStatic]
            private static Random? local;

            public static double NextDouble()
            {
                if (local == null)
                    lock (Seed)
                        local = new Random(Seed.Next());
                return local.NextDouble();
            }
        }
    }
}
