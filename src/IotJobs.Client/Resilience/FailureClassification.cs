namespace IotJobs.Client
{
    /// <summary>What <see cref="FailureClassifier"/> says of one exception.</summary>
    internal readonly struct FailureClassification
    {
        public FailureClassification(FailureKind kind, bool isCallFailure)
        {
            Kind = kind;
            IsCallFailure = isCallFailure;
        }

        /// <summary>How the failure is met; <see cref="FailureKind.Refused"/> for anything not listed.</summary>
        public FailureKind Kind { get; }

        /// <summary>
        /// Whether it is a failure of a call to the service (its answer, or the way to it), an item's failure, as
        /// opposed to a bug, a cancellation or a failure before any call was made.
        /// </summary>
        public bool IsCallFailure { get; }
    }
}
