using System;
using System.Management.Automation;
using IotJobs.Model;

namespace IotJobs.Items;

/// <summary>
/// What a piped object says about the item it names, beyond the properties that bind to parameters:
/// its kind, and where it is. An object this module wrote (<see cref="Live"/>) says where it was found,
/// and is acted on there; a plain object (a CSV row, a deserialized object) may only claim a region,
/// endpoint or account, which the command's own connection must then agree with.
/// </summary>
internal sealed class PipedItem
{
    private PipedItem(
        object input,
        ItemKind kind,
        IotJobsItem? live,
        string? region,
        string? endpointUrl,
        string? accountId
    )
    {
        Input = input;
        Kind = kind;
        Live = live;
        Region = region;
        EndpointUrl = endpointUrl;
        AccountId = accountId;
    }

    /// <summary>The object as piped: the TargetObject of the item's error.</summary>
    public object Input { get; }

    public ItemKind Kind { get; }

    /// <summary>The module's own object, found where it says; null for plain objects.</summary>
    public IotJobsItem? Live { get; }

    public string? Region { get; }
    public string? EndpointUrl { get; }
    public string? AccountId { get; }

    /// <summary>What the object says, or null for a plain value (a job id string) that says nothing.</summary>
    public static PipedItem? Of(object? input)
    {
        if (input == null)
            return null;
        var wrapped = input as PSObject ?? PSObject.AsPSObject(input);
        object item = wrapped.BaseObject;
        if (item is string || item.GetType().IsPrimitive)
            return null;
        if (item is IotJobsItem live)
            return new PipedItem(item, live.Kind, live, live.Region, live.EndpointUrl, live.AccountId);

        // An empty CSV column means "not given".
        string? Read(string name)
        {
            var value = wrapped.Properties[name]?.Value;
            string? text = value == null ? null : LanguagePrimitives.ConvertTo<string>(value);
            return string.IsNullOrEmpty(text) ? null : text;
        }
        var kind =
            Enum.TryParse<ItemKind>(Read(nameof(IotJobsItem.Kind)), ignoreCase: true, out var said) ? said
            : Read(nameof(IotJobExecution.ThingName)) != null ? ItemKind.JobExecution
            : ItemKind.Job;
        return new PipedItem(
            input,
            kind,
            null,
            Read(nameof(IotJobsItem.Region)),
            Read(nameof(IotJobsItem.EndpointUrl)),
            Read(nameof(IotJobsItem.AccountId))
        );
    }
}
