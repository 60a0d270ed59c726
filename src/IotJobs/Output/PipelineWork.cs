using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;

namespace IotJobs.Output;

/// <summary>
/// A command's work off the pipeline thread (requests, paging, deletion waits), seen from the pipeline thread. Work
/// may not write to the pipeline: it posts what it has to write here, and the pipeline thread runs it, in the order
/// posted, whenever it waits for work. Ctrl+C cancels the work and ends every wait at once.
/// </summary>
internal sealed class PipelineWork : IDisposable
{
    private readonly CancellationTokenSource cancellation = new();
    private readonly ConcurrentQueue<Action> posted = new();
    private readonly AutoResetEvent arrived = new(false);

    /// <summary>Cancelled by Ctrl+C (<see cref="Stop"/>) and when the command ends.</summary>
    public CancellationToken Cancellation => cancellation.Token;

    /// <summary>From any thread: <paramref name="write"/> runs on the pipeline thread at its next wait.</summary>
    public void Post(Action write)
    {
        posted.Enqueue(write);
        arrived.Set();
    }

    /// <summary>
    /// Pipeline thread: runs what is posted until <paramref name="task"/> ends (its failure is the caller's to
    /// observe). Ctrl+C ends the wait with PipelineStoppedException.
    /// </summary>
    public void WaitFor(Task task)
    {
        var handles = new[] { ((IAsyncResult)task).AsyncWaitHandle, arrived, cancellation.Token.WaitHandle };
        while (!task.IsCompleted)
        {
            WaitHandle.WaitAny(handles);
            if (cancellation.IsCancellationRequested)
                throw new PipelineStoppedException();
            Drain();
        }
        Drain();
    }

    /// <summary>Pipeline thread: waits for the task and throws its failure; Ctrl+C abandons it.</summary>
    public void Observe(Task task)
    {
        WaitFor(task);
        try
        {
            task.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
    }

    /// <summary>
    /// Off the pipeline thread: follows nextToken to the end, <paramref name="write"/> taking each page on the pipeline
    /// thread as soon as it arrives; the next page is asked for once the pipeline has taken this one, so a listing
    /// goes no faster than its reader.
    /// </summary>
    public Task PagesAsync<TPage>(
        Func<string?, CancellationToken, Task<TPage>> fetch,
        Func<TPage, string?> nextToken,
        Action<TPage> write,
        CancellationToken listing
    ) =>
        Task.Run(() =>
            Paging.EachPageAsync(
                token => fetch(token, listing),
                nextToken,
                page =>
                {
                    Send(() => write(page), listing);
                    return true;
                }
            )
        );

    /// <summary>
    /// Pipeline thread: runs the works at once, off the pipeline thread, writing what they post as it comes, until
    /// every one has ended; each says its own failures (by posting them). A downstream stop ends them all.
    /// </summary>
    public void Together(IReadOnlyList<Func<CancellationToken, Task>> works)
    {
        using var together = CancellationTokenSource.CreateLinkedTokenSource(cancellation.Token);
        var all = Task.WhenAll(works.Select(work => Task.Run(() => work(together.Token))));
        try
        {
            Observe(all);
        }
        finally
        {
            together.Cancel();
        }
    }

    /// <summary>Ctrl+C: cancels every request in flight.</summary>
    public void Stop() => cancellation.Cancel();

    public void Dispose()
    {
        cancellation.Cancel();
        arrived.Dispose();
        cancellation.Dispose();
    }

    /// <summary>Runs what was posted so far.</summary>
    private void Drain()
    {
        while (posted.TryDequeue(out var write))
            write();
    }

    /// <summary>
    /// Posts <paramref name="write"/> and blocks the calling worker until the pipeline thread has run it.
    /// </summary>
    private void Send(Action write, CancellationToken cancel)
    {
        var written = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        Post(() =>
        {
            try
            {
                write();
                written.TrySetResult(true);
            }
            catch (Exception e)
            {
                // The worker learns why it cannot go on; the pipeline thread still ends with the exception.
                written.TrySetException(e);
                throw;
            }
        });
        written.Task.Wait(cancel);
    }
}
