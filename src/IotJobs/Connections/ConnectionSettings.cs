using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using IotJobs.Model;

namespace IotJobs.Connections;

/// <summary>
/// Where and as whom a command connects, before the SDK resolves anything: what the user gave on the
/// command line (and which of it they gave), then AWS.Tools' session defaults. Items found elsewhere
/// get settings of their own with <see cref="At"/>.
/// </summary>
internal sealed class ConnectionSettings
{
    public ConnectionSettings(
        string? region,
        string? sessionRegion,
        string? profileName,
        string? endpointUrl,
        object? credential,
        bool allowUnencryptedEndpoint,
        bool regionGiven,
        bool endpointGiven,
        bool credentialsGiven
    )
    {
        Region = region;
        SessionRegion = sessionRegion;
        ProfileName = profileName;
        EndpointUrl = endpointUrl;
        Credential = credential;
        AllowUnencryptedEndpoint = allowUnencryptedEndpoint;
        RegionGiven = regionGiven;
        EndpointGiven = endpointGiven;
        CredentialsGiven = credentialsGiven;
    }

    /// <summary>-Region, or where an item was found.</summary>
    public string? Region { get; }

    /// <summary>$StoredAWSRegion: used when neither -Region nor the profile names one.</summary>
    public string? SessionRegion { get; }

    public string? ProfileName { get; }
    public string? EndpointUrl { get; }

    /// <summary>
    /// -Credential (bound as <see cref="AwsCredential"/>), or $StoredAWSCredentials as AWS.Tools keeps them (read when
    /// the client is made); never logged.
    /// </summary>
    public object? Credential { get; }

    public bool AllowUnencryptedEndpoint { get; }

    /// <summary>-Region was given on the command line.</summary>
    public bool RegionGiven { get; }

    /// <summary>-EndpointUrl was given on the command line.</summary>
    public bool EndpointGiven { get; }

    /// <summary>-Credential or -ProfileName was given on the command line.</summary>
    public bool CredentialsGiven { get; }

    /// <summary>
    /// The settings of a command, or of a completion for one: what was given (parameters bound on the command line or
    /// by $PSDefaultParameterValues), then AWS.Tools' session defaults ($StoredAWSRegion, $StoredAWSCredentials);
    /// the SDK's standard chain fills in the rest when the client is made. Cmdlets and completion both come here,
    /// so Tab reaches the service the way the command would.
    /// </summary>
    /// <param name="given">
    /// Parameter name → value: Region, ProfileName, EndpointUrl, Credential, AllowUnencryptedEndpoint.
    /// </param>
    /// <param name="sessionVariable">Reads a variable of the session.</param>
    public static ConnectionSettings From(IDictionary given, Func<string, object?> sessionVariable)
    {
        // A parameter that takes several values (Get-IotJob -Region a,b) gives its first here: see Places.
        string? Text(string name) => Values(given[name]).FirstOrDefault();
        string? region = Text("Region"),
            profileName = Text("ProfileName"),
            endpointUrl = Text("EndpointUrl");
        object? credential = given["Credential"] is { } c ? Unwrapped(c) : null;
        object? storedCredentials =
            credential == null && profileName == null ? Unwrapped(sessionVariable("StoredAWSCredentials")) : null;
        string? storedRegion = Unwrapped(sessionVariable("StoredAWSRegion")) as string;
        return new ConnectionSettings(
            region,
            string.IsNullOrEmpty(storedRegion) ? null : storedRegion,
            profileName,
            endpointUrl,
            credential ?? storedCredentials,
            System.Management.Automation.LanguagePrimitives.IsTrue(given["AllowUnencryptedEndpoint"]),
            regionGiven: region != null,
            endpointGiven: endpointUrl != null,
            credentialsGiven: credential != null || profileName != null
        );
    }

    /// <summary>
    /// The places a listing reads: one per region and profile given (-Region us-east-1,eu-west-1 -ProfileName
    /// prod,staging is four), each with the rest of what was given; one place when each was given once or not at all.
    /// </summary>
    public static IReadOnlyList<ConnectionSettings> Places(IDictionary given, Func<string, object?> sessionVariable)
    {
        var places = new List<ConnectionSettings>();
        foreach (var profile in Values(given["ProfileName"]).DefaultIfEmpty())
        {
            foreach (var region in Values(given["Region"]).DefaultIfEmpty())
            {
                var one = new Hashtable(given, StringComparer.OrdinalIgnoreCase)
                {
                    ["Region"] = region,
                    ["ProfileName"] = profile,
                };
                places.Add(From(one, sessionVariable));
            }
        }
        return places;
    }

    /// <summary>A parameter's values as text: none, one, or each of several, once each.</summary>
    private static IReadOnlyList<string> Values(object? value) =>
        Unwrapped(value) switch
        {
            null => Array.Empty<string>(),
            string one => new[] { one },
            IEnumerable several => several
                .Cast<object?>()
                .Select(v => Unwrapped(v)?.ToString())
                .Where(v => !string.IsNullOrEmpty(v))
                .Select(v => v!)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList(),
            var other => new[] { other.ToString()! },
        };

    private static object? Unwrapped(object? value) =>
        value is System.Management.Automation.PSObject o ? o.BaseObject : value;

    /// <summary>
    /// Which credentials these settings sign with, by name or by object identity; never the credentials.
    /// </summary>
    public string CredentialSource =>
        Credential is AwsCredential given ? "access key " + given.AccessKeyId
        : Credential != null ? "credential object " + RuntimeHelpers.GetHashCode(Credential)
        : ProfileName != null ? "profile " + ProfileName
        : "default chain";

    /// <summary>Settings that connect the same way have the same key.</summary>
    public string Key =>
        string.Join("|", Region, SessionRegion, EndpointUrl, CredentialSource, AllowUnencryptedEndpoint);

    /// <summary>
    /// The settings for an item read earlier: its region and endpoint, and the profile it was read with,
    /// except what this command gave explicitly (a contradicting -Region or -EndpointUrl is refused before this).
    /// </summary>
    public ConnectionSettings At(IotJobsItem found)
    {
        bool ownCredentials = CredentialsGiven || string.IsNullOrEmpty(found.ProfileName);
        return new ConnectionSettings(
            RegionGiven ? Region : found.Region ?? Region,
            SessionRegion,
            ownCredentials ? ProfileName : found.ProfileName,
            EndpointGiven ? EndpointUrl : found.EndpointUrl ?? EndpointUrl,
            ownCredentials ? Credential : null,
            AllowUnencryptedEndpoint,
            RegionGiven,
            EndpointGiven,
            CredentialsGiven
        );
    }

    /// <summary>Two endpoint URLs name the same place, whatever their case, default port or trailing slash.</summary>
    public static bool SameEndpoint(string a, string b) =>
        string.Equals(Normalized(a), Normalized(b), StringComparison.Ordinal);

    private static string Normalized(string url) =>
        (
            Uri.TryCreate(url, UriKind.Absolute, out var u)
                ? $"{u.Scheme}://{u.Host}:{u.Port}{u.AbsolutePath.TrimEnd('/')}"
                : url.TrimEnd('/')
        ).ToLowerInvariant();
}
