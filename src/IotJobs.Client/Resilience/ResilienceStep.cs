using System;
using System.Globalization;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>
    /// One decision of <see cref="ResiliencePolicy"/> after a failed attempt, as -Debug reports it: which request,
    /// which attempt, what failed (an error code or an exception's type, never its message, which may quote a
    /// request) and what follows. Holds nothing secret.
    /// </summary>
    internal sealed class ResilienceStep
    {
        public ResilienceStep(
            ResilienceStepKind kind,
            Operation operation,
            int attempt,
            int maxAttempts,
            string failure,
            TimeSpan wait
        )
        {
            Kind = kind;
            Operation = operation;
            Attempt = attempt;
            MaxAttempts = maxAttempts;
            Failure = failure;
            Wait = wait;
        }

        public ResilienceStepKind Kind { get; }
        public Operation Operation { get; }

        /// <summary>The attempt that failed (1, 2, 3...; throttled tries are not counted).</summary>
        public int Attempt { get; }

        public int MaxAttempts { get; }

        /// <summary>What failed: the service's error code, else the type of the exception.</summary>
        public string Failure { get; }

        /// <summary>The wait before the request is sent again; zero when none follows.</summary>
        public TimeSpan Wait { get; }

        /// <summary>
        /// What a person watching a batch should be told of this step (-Verbose and the progress bar), or null: only
        /// the long wait for the account's concurrency limit; the other steps are for -Debug.
        /// </summary>
        public string? Notice =>
            Kind == ResilienceStepKind.LimitWait
                ? "The account's limit of jobs being canceled at once is reached: "
                    + $"{Operation} waits {Wait.TotalSeconds:0} s before trying again."
                : null;

        /// <summary>The name -Debug gives a failure: the service's error code, else the exception's type.</summary>
        public static string NameOf(Exception failure) =>
            (failure as AmazonServiceException)?.ErrorCode is { Length: > 0 } code ? code
            : failure.GetBaseException() is { } root && root != failure
                ? $"{failure.GetType().Name}/{root.GetType().Name}"
            : failure.GetType().Name;

        public override string ToString()
        {
            string at = $"{Operation} attempt {Attempt}";
            string wait = Milliseconds(Wait);
            return Kind switch
            {
                ResilienceStepKind.ThrottleWait =>
                    $"{at}: throttled ({Failure}); sent again in {wait} (throttled tries use no attempt).",
                ResilienceStepKind.Retry =>
                    $"{at} of {MaxAttempts} failed ({Failure}); attempt {Attempt + 1} in {wait}.",
                ResilienceStepKind.NoAttemptLeft =>
                    $"{at} of {MaxAttempts} failed ({Failure}); no attempt left, so the request fails.",
                ResilienceStepKind.AnswerLost =>
                    $"{at}: the answer was lost ({Failure}); looking at the item before sending anything again.",
                ResilienceStepKind.LookFoundApplied =>
                    $"{at}: the look shows the change applied; it counts as done and is not sent again.",
                ResilienceStepKind.LookFoundNotApplied =>
                    $"{at}: the look shows the change not applied; it may be sent again.",
                ResilienceStepKind.LookFailed =>
                    $"{at}: the look failed too ({Failure}); whether the change was applied is unknown.",
                ResilienceStepKind.LimitWait =>
                    $"{at}: the account's limit of jobs being canceled at once is reached ({Failure}); "
                        + $"tried again in {wait}.",
                ResilienceStepKind.Unreachable =>
                    $"{at}: the service cannot be reached ({Failure}); no retry can mend that.",
                _ => $"{at}: {Kind} ({Failure}).",
            };
        }

        /// <summary>A wait as -Debug writes it, in whole milliseconds.</summary>
        internal static string Milliseconds(TimeSpan wait) =>
            Math.Round(wait.TotalMilliseconds).ToString("#,0", CultureInfo.InvariantCulture) + " ms";
    }
}
