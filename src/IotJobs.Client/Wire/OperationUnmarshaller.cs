using System;
using System.IO;
using System.Net;
using System.Text.Json;
using Amazon.Runtime;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace IotJobs.Client.Wire
{
    /// <summary>
    /// Reads one operation's JSON answer: the body through <see cref="WireResponses"/>, and an error
    /// answer into the typed exception of <see cref="ServiceErrors"/>.
    /// </summary>
    internal sealed class OperationUnmarshaller<TResponse> : JsonResponseUnmarshaller
        where TResponse : AmazonWebServiceResponse, new()
    {
        private readonly Func<JsonElement, TResponse>? read;

        /// <param name="read">Maps the body's root object; null for operations that answer with no body.</param>
        public OperationUnmarshaller(Func<JsonElement, TResponse>? read) => this.read = read;

        public override AmazonWebServiceResponse Unmarshall(JsonUnmarshallerContext context)
        {
            if (read == null)
                return new TResponse();
            using var body = new MemoryStream();
            context.Stream.CopyTo(body);
            if (body.Length == 0)
                return new TResponse();
            body.Position = 0;
            using var document = JsonDocument.Parse(body);
            var response = read(document.RootElement);
            if (response is Model.IRawAnswer raw)
                raw.RawJson = System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
            return response;
        }

        public override AmazonServiceException UnmarshallException(
            JsonUnmarshallerContext context,
            Exception innerException,
            HttpStatusCode statusCode
        )
        {
            var reader = new StreamingUtf8JsonReader(context.Stream);
            var error = JsonErrorResponseUnmarshaller.GetInstance().Unmarshall(context, ref reader);
            return ServiceErrors.Create(
                error.Code,
                error.Message,
                error.Type,
                error.RequestId,
                statusCode,
                innerException
            );
        }
    }
}
