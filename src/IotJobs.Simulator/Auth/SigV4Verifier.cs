using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IotJobs.Simulator.Auth;

/// <summary>
/// Checks AWS Signature Version 4 as the service does: the signature must be for service "iot" in
/// the simulator's region, by a known key, within 15 minutes of the simulator's clock, and over
/// the request exactly as received (method, double-encoded path, query, signed headers, body).
/// </summary>
public sealed class SigV4Verifier
{
    private const string Algorithm = "AWS4-HMAC-SHA256";
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(15);
    private readonly SimulatorOptions options;

    public SigV4Verifier(SimulatorOptions options) => this.options = options;

    /// <summary>
    /// Returns null when the request is properly signed for <paramref name="expectedService"/>, else the 403 error to
    /// answer; <paramref name="accountId"/> is the account the signing key belongs to.
    /// </summary>
    public ServiceError? Verify(
        string method,
        string rawPath,
        string rawQuery,
        IReadOnlyDictionary<string, string> headers,
        byte[] body,
        out string accountId,
        string expectedService = "iot"
    )
    {
        accountId = options.AccountId;
        if (
            !headers.TryGetValue("authorization", out var authorization)
            || !authorization.StartsWith(Algorithm + " ", StringComparison.Ordinal)
        )
            return ServiceError.Forbidden("MissingAuthenticationTokenException", "Missing Authentication Token");

        var parts = authorization[(Algorithm.Length + 1)..]
            .Split(',', StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
        if (
            !parts.TryGetValue("Credential", out var credential)
            || !parts.TryGetValue("SignedHeaders", out var signedHeaderList)
            || !parts.TryGetValue("Signature", out var signature)
        )
            return Invalid("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'.");

        var scope = credential.Split('/');
        if (scope.Length != 5 || scope[4] != "aws4_request")
            return Invalid("Credential scope is malformed.");
        var (accessKey, date, region, service) = (scope[0], scope[1], scope[2], scope[3]);
        if (service != expectedService)
            return Invalid(
                $"Credential should be scoped to correct service: '{expectedService}'. (It names '{service}'.)"
            );
        if (region != options.Region)
            return Invalid($"Credential should be scoped to a valid region, not '{region}'.");
        if (!options.Credentials.TryGetValue(accessKey, out var known))
            return ServiceError.Forbidden(
                "UnrecognizedClientException",
                "The security token included in the request is invalid."
            );
        if (known.SessionToken is not null && headers.GetValueOrDefault("x-amz-security-token") != known.SessionToken)
            return ServiceError.Forbidden(
                "UnrecognizedClientException",
                "The security token included in the request is invalid."
            );

        if (
            !headers.TryGetValue("x-amz-date", out var amzDate)
            || !DateTimeOffset.TryParseExact(
                amzDate,
                "yyyyMMdd'T'HHmmss'Z'",
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal,
                out var signedAt
            )
        )
            return Invalid("The request has no valid X-Amz-Date.");
        if (!amzDate.StartsWith(date, StringComparison.Ordinal))
            return Invalid("The credential scope date does not match X-Amz-Date.");
        if ((options.Clock.GetUtcNow() - signedAt).Duration() > AllowedSkew)
            return Invalid($"Signature expired: {amzDate} is more than 15 minutes from the service's time.");

        var signedHeaders = signedHeaderList.Split(';');
        if (!signedHeaders.Contains("host"))
            return Invalid("The host header must be signed.");

        string canonical = string.Join(
            '\n',
            method,
            CanonicalPath(rawPath),
            CanonicalQuery(rawQuery),
            string.Concat(
                signedHeaders.Select(h => h + ":" + CanonicalHeaderValue(headers.GetValueOrDefault(h) ?? "") + "\n")
            ),
            signedHeaderList,
            Hex(SHA256.HashData(body))
        );
        string stringToSign = string.Join(
            '\n',
            Algorithm,
            amzDate,
            $"{date}/{region}/{service}/aws4_request",
            Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))
        );

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + known.SecretAccessKey), date);
        key = Hmac(Hmac(Hmac(key, region), service), "aws4_request");
        string expected = Hex(Hmac(key, stringToSign));
        if (
            !CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(expected),
                Encoding.ASCII.GetBytes(signature)
            )
        )
            // As AWS words it: the canonical request and the string to sign are quoted, signed headers (a session
            // token among them) included, so a client that shows this message as it came shows the token too.
            return ServiceError.Forbidden(
                "InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. "
                    + "Check your AWS Secret Access Key and signing method. "
                    + "Consult the service documentation for details.\n\n"
                    + $"The Canonical String for this request should have been\n'{canonical}'\n\n"
                    + $"The String-to-Sign should have been\n'{stringToSign}'\n"
            );
        accountId = known.AccountId ?? options.AccountId;
        return null;
    }

    private static ServiceError Invalid(string message) => ServiceError.Forbidden("InvalidSignatureException", message);

    /// <summary>Each segment decoded, then encoded twice: the rule for every service but S3.</summary>
    private static string CanonicalPath(string rawPath)
    {
        if (rawPath.Length == 0)
            return "/";
        return string.Join('/', rawPath.Split('/').Select(s => Encode(Encode(Uri.UnescapeDataString(s)))));
    }

    private static string CanonicalQuery(string rawQuery)
    {
        if (rawQuery.Length == 0)
            return "";
        return string.Join(
            '&',
            rawQuery
                .Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .Select(p =>
                    (
                        Key: Encode(Uri.UnescapeDataString(p[0])),
                        Value: Encode(Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""))
                    )
                )
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => p.Key + "=" + p.Value)
        );
    }

    private static string CanonicalHeaderValue(string value) =>
        string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>RFC 3986 encoding: only unreserved characters stay as they are.</summary>
    private static string Encode(string value)
    {
        var sb = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            char c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
                sb.Append(c);
            else
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
