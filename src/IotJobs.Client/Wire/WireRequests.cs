using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal;
using IotJobs.Client.Model;

namespace IotJobs.Client.Wire
{
    /// <summary>
    /// Turns each request into the HTTP request the AWS CLI sends for it: method, path with
    /// percent-encoded segments, query (force only when the caller set it) and JSON body.
    /// </summary>
    internal static class WireRequests
    {
        public static IRequest ListJobs(ListJobsRequest r)
        {
            var q = New(r, "GET", "/jobs");
            Query(q, "status", r.Status);
            Query(q, "targetSelection", r.TargetSelection);
            Query(q, "thingGroupName", r.ThingGroupName);
            Query(q, "thingGroupId", r.ThingGroupId);
            Query(q, "namespaceId", r.NamespaceId);
            Query(q, "maxResults", r.MaxResults);
            Query(q, "nextToken", r.NextToken);
            return q;
        }

        public static IRequest DescribeJob(DescribeJobRequest r)
        {
            var q = New(r, "GET", "/jobs/{jobId}");
            Path(q, "{jobId}", r.JobId, nameof(r.JobId));
            Query(q, "beforeSubstitution", r.BeforeSubstitution);
            return q;
        }

        public static IRequest GetJobDocument(GetJobDocumentRequest r)
        {
            var q = New(r, "GET", "/jobs/{jobId}/job-document");
            Path(q, "{jobId}", r.JobId, nameof(r.JobId));
            Query(q, "beforeSubstitution", r.BeforeSubstitution);
            return q;
        }

        public static IRequest CancelJob(CancelJobRequest r)
        {
            var q = New(r, "PUT", "/jobs/{jobId}/cancel");
            Path(q, "{jobId}", r.JobId, nameof(r.JobId));
            Query(q, "force", r.Force);
            Body(q, w =>
            {
                if (r.ReasonCode != null)
                    w.WriteString("reasonCode", r.ReasonCode);
                if (r.Comment != null)
                    w.WriteString("comment", r.Comment);
            });
            return q;
        }

        public static IRequest DeleteJob(DeleteJobRequest r)
        {
            var q = New(r, "DELETE", "/jobs/{jobId}");
            Path(q, "{jobId}", r.JobId, nameof(r.JobId));
            Query(q, "force", r.Force);
            Query(q, "namespaceId", r.NamespaceId);
            return q;
        }

        public static IRequest ListJobExecutionsForJob(ListJobExecutionsForJobRequest r)
        {
            var q = New(r, "GET", "/jobs/{jobId}/things");
            Path(q, "{jobId}", r.JobId, nameof(r.JobId));
            Query(q, "status", r.Status);
            Query(q, "maxResults", r.MaxResults);
            Query(q, "nextToken", r.NextToken);
            return q;
        }

        public static IRequest ListJobExecutionsForThing(ListJobExecutionsForThingRequest r)
        {
            var q = New(r, "GET", "/things/{thingName}/jobs");
            Path(q, "{thingName}", r.ThingName, nameof(r.ThingName));
            Query(q, "status", r.Status);
            Query(q, "namespaceId", r.NamespaceId);
            Query(q, "jobId", r.JobId);
            Query(q, "maxResults", r.MaxResults);
            Query(q, "nextToken", r.NextToken);
            return q;
        }

        public static IRequest DescribeJobExecution(DescribeJobExecutionRequest r)
        {
            var q = New(r, "GET", "/things/{thingName}/jobs/{jobId}");
            Path(q, "{thingName}", r.ThingName, nameof(r.ThingName));
            Path(q, "{jobId}", r.JobId, nameof(r.JobId));
            Query(q, "executionNumber", r.ExecutionNumber);
            return q;
        }

        public static IRequest CancelJobExecution(CancelJobExecutionRequest r)
        {
            var q = New(r, "PUT", "/things/{thingName}/jobs/{jobId}/cancel");
            Path(q, "{thingName}", r.ThingName, nameof(r.ThingName));
            Path(q, "{jobId}", r.JobId, nameof(r.JobId));
            Query(q, "force", r.Force);
            Body(q, w =>
            {
                if (r.ExpectedVersion.HasValue)
                    w.WriteNumber("expectedVersion", r.ExpectedVersion.Value);
                if (r.StatusDetails != null)
                {
                    w.WriteStartObject("statusDetails");
                    foreach (var pair in r.StatusDetails)
                        w.WriteString(pair.Key, pair.Value);
                    w.WriteEndObject();
                }
            });
            return q;
        }

        public static IRequest DeleteJobExecution(DeleteJobExecutionRequest r)
        {
            var q = New(r, "DELETE", "/things/{thingName}/jobs/{jobId}/executionNumber/{executionNumber}");
            Path(q, "{thingName}", r.ThingName, nameof(r.ThingName));
            Path(q, "{jobId}", r.JobId, nameof(r.JobId));
            if (!r.ExecutionNumber.HasValue)
                throw Missing(nameof(r.ExecutionNumber));
            q.AddPathResource("{executionNumber}", r.ExecutionNumber.Value.ToString(CultureInfo.InvariantCulture));
            Query(q, "force", r.Force);
            Query(q, "namespaceId", r.NamespaceId);
            return q;
        }

        public static IRequest ListThings(ListThingsRequest r)
        {
            var q = New(r, "GET", "/things");
            Query(q, "maxResults", r.MaxResults);
            Query(q, "nextToken", r.NextToken);
            Query(q, "thingTypeName", r.ThingTypeName);
            Query(q, "attributeName", r.AttributeName);
            Query(q, "attributeValue", r.AttributeValue);
            Query(q, "usePrefixAttributeValue", r.UsePrefixAttributeValue);
            return q;
        }

        private static DefaultRequest New(AmazonWebServiceRequest r, string method, string path) =>
            // UseQueryString: without it the SDK moves parameters of PUT/DELETE into a form body,
            // where the service ignores them (force would be silently lost).
            new DefaultRequest(r, IotJobsClientConfig.ServiceIdentifier)
            {
                HttpMethod = method,
                ResourcePath = path,
                UseQueryString = true,
            };

        private static void Path(DefaultRequest q, string placeholder, string? value, string name)
        {
            if (string.IsNullOrEmpty(value))
                throw Missing(name);
            q.AddPathResource(placeholder, value);
        }

        private static void Query(DefaultRequest q, string name, string? value)
        {
            if (value != null)
                q.Parameters.Add(name, value);
        }

        private static void Query(DefaultRequest q, string name, long? value)
        {
            if (value.HasValue)
                q.Parameters.Add(name, value.Value.ToString(CultureInfo.InvariantCulture));
        }

        private static void Query(DefaultRequest q, string name, bool? value)
        {
            if (value.HasValue)
                q.Parameters.Add(name, value.Value ? "true" : "false");
        }

        private static void Body(DefaultRequest q, Action<Utf8JsonWriter> writeMembers)
        {
            using var buffer = new MemoryStream();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                writeMembers(w);
                w.WriteEndObject();
            }
            q.Headers["Content-Type"] = "application/json";
            q.Content = buffer.ToArray();
        }

        private static ArgumentException Missing(string name) =>
            new ArgumentException($"The request has no {name}; it is required.", name);
    }
}
