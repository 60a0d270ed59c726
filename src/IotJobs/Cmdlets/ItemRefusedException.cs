using System;

namespace IotJobs.Cmdlets
{
    /// <summary>
    /// The module refused an item before sending anything: it is not what the cmdlet acts on (an execution
    /// given to a job-level cmdlet), or it is not where this command would act (another region, endpoint or
    /// account). <see cref="ErrorId"/> names the case; the message says what was found and what to do.
    /// </summary>
    internal sealed class ItemRefusedException : Exception
    {
        public ItemRefusedException(string errorId, string reason, string advice)
            : base(reason)
        {
            ErrorId = errorId;
            Advice = advice;
        }

        public string ErrorId { get; }

        public string Advice { get; }
    }
}
