using System.Runtime.CompilerServices;
using Twilio.Base;
using Twilio.Clients;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using HttpMethod = Twilio.Http.HttpMethod;

namespace Hotline.Api.Twilio;

/// <summary>
/// Twilio's message list, every page read asynchronously. The SDK's own list reads its first page asynchronously and each
/// later one synchronously while it is enumerated (a pool thread held for up to the request's timeout, and the caller's
/// cancellation not heard): so the pages are requested here, through the same client, request and page reader the SDK uses.
/// Every page is read, whatever the options' <c>Limit</c>: the filters and <c>PageSize</c> are what they carry here.
/// </summary>
public static class TwilioMessageList
{
    public static async IAsyncEnumerable<MessageResource> ReadAsync(
        ReadMessageOptions options, ITwilioRestClient client, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var request = new Request(HttpMethod.Get, global::Twilio.Rest.Domain.Api,
            $"/2010-04-01/Accounts/{options.PathAccountSid ?? client.AccountSid}/Messages.json", queryParams: options.GetParams());
        while (request is not null)
        {
            var response = await client.RequestAsync(request).WaitAsync(cancellationToken);
            var page = Page<MessageResource>.FromJson("messages", response.Content);
            foreach (var message in page.Records)
            {
                yield return message;
            }

            request = page.HasNextPage() ? new Request(HttpMethod.Get, page.GetNextPageUrl(global::Twilio.Rest.Domain.Api)) : null;
        }
    }
}
