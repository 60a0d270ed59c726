using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
using System.Security.Authentication;
using Amazon.Runtime;

namespace IotJobs.Client
{
    /// <summary>
    /// The one list of the exceptions the client knows: for each, what kind of failure it is and whether it is a
    /// failure of a call to the service. <see cref="ResiliencePolicy"/> acts on the kind; <see cref="ServiceFailure"/>
    /// tells callers both.
    /// </summary>
    internal static class FailureClassifier
    {
        // In order: the first row whose type matches (and whose kind is not null) gives the kind. A row that looks
        // through the inner exceptions finds what the SDK and HttpClient wrap (a socket's error, a TLS failure).
        // An exception is a call failure when the exception itself is of a type so marked, whatever it wraps.
        private static readonly Row[] Rows =
        {
            Row.Of<ServiceUnreachableException>(e => e.Kind),
            Row.Of<AnswerLostException>(_ => FailureKind.AnswerLost),
            Row.Of<ThrottlingException>(_ => FailureKind.Throttled),
            Row.Of<LimitExceededException>(_ => FailureKind.LimitExceeded),
            Row.Of<AuthenticationFailedException>(_ => FailureKind.Credentials),
            // Raised while a client is made, before any call.
            Row.Of<NoCredentialsException>(_ => FailureKind.Credentials, callFailure: false),
            Row.Of<AmazonServiceException>(e => (int)e.StatusCode >= 500 ? FailureKind.Transient : FailureKind.Refused),
            Row.Within<AuthenticationException>(_ => FailureKind.Tls, callFailure: false),
            Row.Within<SocketException>(
                s =>
                    s.SocketErrorCode
                        is SocketError.ConnectionRefused
                            or SocketError.HostNotFound
                            or SocketError.TryAgain
                            or SocketError.NoData
                            or SocketError.HostUnreachable
                            or SocketError.NetworkUnreachable
                            or SocketError.AddressNotAvailable
                        ? FailureKind.Unreachable
                        : null,
                callFailure: false
            ),
            Row.Of<AmazonClientException>(e =>
                e.Message.IndexOf("credential", StringComparison.OrdinalIgnoreCase) >= 0
                    ? FailureKind.Credentials
                    : null
            ),
            Row.Within<HttpRequestException>(_ => FailureKind.Transient),
            Row.Within<IOException>(_ => FailureKind.Transient),
            Row.Within<TimeoutException>(_ => FailureKind.Transient),
            // The SDK's own timeout; the caller's cancellation never reaches the classifier.
            Row.Within<OperationCanceledException>(_ => FailureKind.Transient, callFailure: false),
        };

        public static FailureClassification Classify(Exception e)
        {
            if (e == null)
                throw new ArgumentNullException(nameof(e));
            FailureKind? kind = null;
            bool callFailure = false;
            foreach (var row in Rows)
            {
                kind ??= row.KindOf(e);
                callFailure |= row.CallFailure && row.Type.IsInstanceOfType(e);
            }
            return new FailureClassification(kind ?? FailureKind.Refused, callFailure);
        }

        private sealed class Row
        {
            private readonly Func<Exception, FailureKind?> kindOf;

            private Row(Type type, bool callFailure, Func<Exception, FailureKind?> kindOf)
            {
                Type = type;
                CallFailure = callFailure;
                this.kindOf = kindOf;
            }

            public Type Type { get; }

            public bool CallFailure { get; }

            public FailureKind? KindOf(Exception e) => kindOf(e);

            /// <summary>A row for the exception itself.</summary>
            public static Row Of<T>(Func<T, FailureKind?> kind, bool callFailure = true)
                where T : Exception => new Row(typeof(T), callFailure, e => e is T t ? kind(t) : null);

            /// <summary>A row for the exception or any exception it wraps.</summary>
            public static Row Within<T>(Func<T, FailureKind?> kind, bool callFailure = true)
                where T : Exception => new Row(typeof(T), callFailure, e =>
                {
                    foreach (var x in Chain(e))
                        if (x is T t && kind(t) is FailureKind found)
                            return found;
                    return null;
                });

            private static IEnumerable<Exception> Chain(Exception e)
            {
                for (var x = e; x != null; x = x.InnerException)
                    yield return x;
            }
        }
    }
}
