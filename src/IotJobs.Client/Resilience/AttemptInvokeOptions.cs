using Amazon.Runtime.Internal;

namespace IotJobs.Client
{
    /// <summary>
    /// The SDK's options for one attempt, which also say which operation and which attempt it is: the pipeline
    /// hands them to every handler (as the request context's Options), so <see cref="AttemptHandler"/> learns the
    /// attempt from the request itself, with no ambient state.
    /// </summary>
    internal sealed class AttemptInvokeOptions : InvokeOptions
    {
        public AttemptInvokeOptions(Operation operation, int attempt)
        {
            Operation = operation;
            Attempt = attempt;
        }

        public Operation Operation { get; }

        /// <summary>1, 2, 3...: as <see cref="ResiliencePolicy"/> counts them.</summary>
        public int Attempt { get; }
    }
}
