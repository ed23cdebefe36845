using Hotline.Api.Twilio;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Rest.Api.V2010.Account.Message;

namespace Hotline.Api.TwilioDeletion;

/// <summary>
/// Deletes one message at Twilio with the official SDK: first each of its media
/// (<c>DELETE .../Messages/{Sid}/Media/{MediaSid}.json</c>: deleting a message leaves its media stored), then
/// the message itself (<c>DELETE .../Messages/{Sid}.json</c>). A 404 means it is already gone, which is what
/// was wanted.
/// </summary>
public sealed class TwilioDeleter(ITwilioRestClient client)
{
    /// <summary>Twilio's code for a message it is still processing (queued, sending): "wait several minutes and try again".</summary>
    public const int StillInProgressCode = 20009;

    public async Task<DeletionResult> DeleteAsync(string messageSid, CancellationToken cancellationToken)
    {
        try
        {
            var media = await MediaResource.ReadAsync(new ReadMediaOptions(messageSid), client).WaitAsync(cancellationToken);
            foreach (var medium in media)
            {
                await DeleteUnlessGoneAsync(() => MediaResource.DeleteAsync(messageSid, medium.Sid, client: client), cancellationToken);
            }

            await DeleteUnlessGoneAsync(() => MessageResource.DeleteAsync(messageSid, client: client), cancellationToken);
            return DeletionResult.Deleted;
        }
        catch (ApiException ex) when (ex.Status == 404 && ex.Code == TwilioErrors.NotFound)
        {
            // The message's media list answers 404 when the message itself is gone.
            return DeletionResult.Deleted;
        }
        catch (ApiException ex) when (ex.Code == StillInProgressCode)
        {
            return new DeletionResult.NotYet($"Twilio is still processing the message ({ex.Status}, code {ex.Code}).");
        }
        catch (ApiException ex) when (ex.Status == 0)
        {
            // The SDK could not read the answer (a gateway's HTML page, a body cut short); its status is lost.
            return new DeletionResult.Failed("Twilio's answer could not be read.", "server_error");
        }
        catch (ApiException ex)
        {
            // Only the status and code: Twilio's message text can quote a phone number.
            return new DeletionResult.Failed($"Twilio answered {ex.Status} (code {ex.Code}).", ex.Status >= 500 ? "server_error" : "refused");
        }
        catch (Newtonsoft.Json.JsonException)
        {
            // A list answered 200 with something other than JSON: the SDK's page reader throws this, not an ApiException.
            return new DeletionResult.Failed("Twilio's answer could not be read.", "server_error");
        }
        catch (Exception ex) when (ex is ApiConnectionException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new DeletionResult.Failed($"No answer from Twilio ({ex.GetType().Name}).", "no_answer");
        }
    }

    private static async Task DeleteUnlessGoneAsync(Func<Task<bool>> delete, CancellationToken cancellationToken)
    {
        try
        {
            await delete().WaitAsync(cancellationToken);
        }
        catch (ApiException ex) when (ex.Status == 404 && ex.Code == TwilioErrors.NotFound)
        {
            // Deleted by an earlier attempt that did not live to record it.
        }
    }
}

/// <summary>What one deletion attempt came to.</summary>
public abstract record DeletionResult
{
    public static readonly DeletionResult Deleted = new Done();

    /// <summary>Gone at Twilio: deleted now, or already.</summary>
    public sealed record Done : DeletionResult;

    /// <summary>Twilio still holds the message in progress; try again later. Not a failure.</summary>
    public sealed record NotYet(string Reason) : DeletionResult;

    /// <summary>Not deleted; tried again later. <see cref="Kind"/> is the metric's label.</summary>
    public sealed record Failed(string Error, string Kind) : DeletionResult;
}
