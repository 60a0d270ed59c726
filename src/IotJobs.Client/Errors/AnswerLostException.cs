using System;

namespace IotJobs.Client
{
    /// <summary>
    /// A change (cancel, delete) was sent but its answer never came: the connection dropped or timed
    /// out. The service may or may not have applied it, so it was not sent again.
    /// </summary>
    public sealed class AnswerLostException : Exception
    {
        public AnswerLostException(string operation, Exception inner)
            : base(
                $"The answer to {operation} was lost ({inner.Message}); the service may or may not have applied it.",
                inner
            ) { }
    }
}
