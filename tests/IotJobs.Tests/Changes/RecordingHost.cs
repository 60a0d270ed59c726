using System.Management.Automation;
using IotJobs.Changes;
using IotJobs.Model;

namespace IotJobs.Tests.Changes;

/// <summary>The runner's host without an engine: it records what the runner writes and answers as told.</summary>
internal sealed class RecordingHost : IChangeHost
{
    private readonly Queue<bool> answers;

    public RecordingHost(bool whatIf = false, params bool[] answers)
    {
        WhatIf = whatIf;
        this.answers = new Queue<bool>(answers);
    }

    public bool WhatIf { get; }

    public bool StopsAtFirstError { get; init; }

    /// <summary>Whether each item is asked about: true to answer from the queue given.</summary>
    public bool Prompting { get; init; }

    public bool DeclinedAll { get; private set; }

    public List<string> Described { get; } = [];
    public List<object> Written { get; } = [];
    public List<ErrorRecord> Errors { get; } = [];
    public List<string> Warnings { get; } = [];
    public List<ProgressRecord> Progress { get; } = [];
    public List<IotJobsSummary> Summaries { get; } = [];
    public List<string> Console { get; } = [];

    public bool WillPrompt(bool force) => Prompting && !WhatIf;

    public bool Approve(string description, bool force)
    {
        Described.Add(description);
        if (WhatIf)
            return false;
        if (!Prompting)
            return true;
        bool yes = answers.Dequeue();
        DeclinedAll = !yes && answers.Count == 0;
        return yes;
    }

    public void WriteObject(object item) => Written.Add(item);

    public void WriteError(ErrorRecord record) => Errors.Add(record);

    public void WriteWarning(string text) => Warnings.Add(text);

    public void Terminate(ErrorRecord record) => throw new InvalidOperationException(record.ToString());

    public void WriteProgress(ProgressRecord record) => Progress.Add(record);

    public void WriteSummary(IotJobsSummary summary) => Summaries.Add(summary);

    public void WarnOnConsole(string text) => Console.Add(text);

    public void WaitFor(Task task)
    {
        if (!task.Wait(TimeSpan.FromSeconds(20)))
            throw new TimeoutException("the runner waited 20 s for an item");
    }
}
