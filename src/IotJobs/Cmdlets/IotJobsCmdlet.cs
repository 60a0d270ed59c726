using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IotJobs.Client;
using IotJobs.Cmdlets.Validation;
using IotJobs.Connections;
using IotJobs.Errors;
using IotJobs.Items;
using IotJobs.Output;

namespace IotJobs.Cmdlets;

/// <summary>
/// What every IotJobs cmdlet has: the connection parameters, the command's connections made from them, and its work
/// off the pipeline thread (<see cref="Work"/>: Ctrl+C cancels the requests in flight).
/// </summary>
public abstract class IotJobsCmdlet : PSCmdlet, IDisposable
{
    private readonly PipelineWork work = new();
    private CommandConnections? connections;
    private DiagnosticLines? diagnostics;

    /// <summary>Another endpoint for the IoT API, such as a VPC endpoint or a local simulator.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? EndpointUrl { get; set; }

    /// <summary>
    /// Credentials for this command: a PSCredential (access key as user name, secret key as password) or AWS.Tools
    /// credentials (bound as <see cref="AwsCredential"/>: AWS.Tools' credential types come from its own copy of the AWS
    /// SDK).
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    [AwsCredentialTransformation]
    public AwsCredential? Credential { get; set; }

    /// <summary>Allows an http:// -EndpointUrl on another machine; requests then travel unencrypted.</summary>
    [Parameter]
    public SwitchParameter AllowUnencryptedEndpoint { get; set; }

    /// <summary>
    /// The piped object itself, bound beside the properties that name the item: it tells what kind of item it is
    /// and where it was found. Not for the command line.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>The command's work off the pipeline thread, and the pipeline thread's waits for it.</summary>
    private protected PipelineWork Work => work;

    private protected CommandConnections Connections => connections!;

    /// <summary>What the current pipeline object says of the item it names; null for a plain value.</summary>
    private protected PipedItem? Piped => PipedItem.Of(InputObject);

    /// <summary>Told of what work waits for (a service limit, say), after it is written as a verbose line.</summary>
    private protected event Action<string>? Noted;

    protected override void BeginProcessing()
    {
        diagnostics = DiagnosticLines.For(this);
        // As bound: from the command line or $PSDefaultParameterValues, one value or (for a listing) several.
        var given = new Hashtable(MyInvocation.BoundParameters, StringComparer.OrdinalIgnoreCase);
        var places = ConnectionSettings.Places(given, SessionState.PSVariable.GetValue);
        connections = new CommandConnections(places, CreateClient, ClientFactory.MakesOwnClients);
        // A bad value on the command line ends the command before any request.
        if (InvalidInput() is InvalidInputException invalid)
            ThrowTerminatingError(ErrorMapper.ToRecord(invalid, null, null, out _));
    }

    /// <summary>
    /// Checks the values that name the item; a bad piped value is that item's error, and the next goes on.
    /// </summary>
    protected sealed override void ProcessRecord()
    {
        if (InvalidInput() is InvalidInputException invalid)
            RefuseInput(invalid, InputObject?.BaseObject ?? invalid.Parameter);
        else
            ProcessItem();
    }

    /// <summary>
    /// The cmdlet's work for one pipeline object (or for its command-line values), once they are valid.
    /// </summary>
    private protected abstract void ProcessItem();

    /// <summary>
    /// Reports a bad value given for an item; the Stop- and Remove- cmdlets report it in the item's turn.
    /// </summary>
    private protected virtual void RefuseInput(InvalidInputException invalid, object target) =>
        WriteError(ErrorMapper.ToRecord(invalid, new Attempt("get", invalid.Parameter, target), null, out _));

    /// <summary>
    /// The first value bound to a parameter marked <see cref="ItemInputAttribute"/> that its rule refuses. Before the
    /// first record only the command line's values are bound; for each record, the piped ones too.
    /// </summary>
    private InvalidInputException? InvalidInput()
    {
        foreach (var (property, rule) in ItemInputs.Of(GetType()))
        {
            if (!MyInvocation.BoundParameters.TryGetValue(property.Name, out var value))
                continue;
            if (InputRules.Problem(rule, value, MyInvocation.MyCommand.Name) is string problem)
                return new InvalidInputException(property.Name, problem);
        }
        return null;
    }

    protected override void StopProcessing() => work.Stop();

    public void Dispose()
    {
        // Work still running (after a terminating error) must not outlive the command.
        work.Dispose();
        connections?.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// The connection for a piped item (see <see cref="CommandConnections.For"/>); settings that cannot connect end the
    /// command.
    /// </summary>
    private protected ItemConnection ConnectionFor(PipedItem? piped)
    {
        try
        {
            return Connections.For(piped);
        }
        catch (Exception e) when (ClientFactory.IsSettingsFailure(e))
        {
            ThrowTerminatingError(ErrorMapper.ToRecord(e, null, null, out _));
            throw;
        }
    }

    /// <summary>
    /// Says what the command waits for, from any thread: a verbose line (a debug line under -Debug alone, where
    /// verbose lines give way), written on the pipeline thread.
    /// </summary>
    private protected void Note(string text) => Tell(text, orDebug: true);

    private void Tell(string text, bool orDebug) =>
        work.Post(() =>
        {
            if (diagnostics is { WantsVerbose: true })
                diagnostics.Verbose(text);
            else if (orDebug)
                diagnostics?.Debug(text);
            Noted?.Invoke(text);
        });

    /// <summary>Reports one item's failure and goes on with the next, unless no item can succeed.</summary>
    /// <param name="mayEnd">
    /// False where the failure is one place's among several a listing reads: it is that place's error, and the others
    /// go on, whatever it is.
    /// </param>
    private protected void WriteItemError(Exception e, Attempt attempt, bool mayEnd = true)
    {
        var record = ErrorMapper.ToRecord(e, attempt, null, out bool terminating);
        if (terminating && mayEnd)
            ThrowTerminatingError(record);
        WriteError(record);
    }

    private IIotJobsClient CreateClient(ConnectionSettings with, IotJobsClientOptions options) =>
        ClientFactory.Create(with, options, ShowAttempt, ShowStep);

    /// <summary>An attempt, from any thread: its -Verbose line and its -Debug line, on the pipeline thread.</summary>
    private void ShowAttempt(AttemptRecord attempt)
    {
        if (diagnostics is { WantsVerbose: true } or { WantsDebug: true })
            work.Post(() =>
            {
                diagnostics.Verbose(attempt.ToString());
                diagnostics.Debug(attempt.ToDebugString());
            });
    }

    /// <summary>
    /// A retry, wait or look of the resilience policy, from any thread: its -Debug line, and its notice.
    /// </summary>
    private void ShowStep(ResilienceStep step)
    {
        if (diagnostics is { WantsDebug: true })
            work.Post(() => diagnostics.Debug(step.ToString()));
        // Its debug line is the step's own.
        if (step.Notice is string notice)
            Tell(notice, orDebug: false);
    }
}
