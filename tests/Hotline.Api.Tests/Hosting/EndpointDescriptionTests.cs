using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.StaticAssets;

namespace Hotline.Api.Tests.Hosting;

/// <summary>
/// A newcomer reads the API from its OpenAPI document: every endpoint the host maps has a name (its
/// operationId, and what a link is generated from) and a summary that says what it does.
/// </summary>
public sealed class EndpointDescriptionTests
{
    [Fact]
    public async Task Every_endpoint_the_host_maps_has_a_name_and_a_summary()
    {
        await using var app = new HotlineApp();
        _ = app.Server;

        var endpoints = HotlineEndpoints(app.Services).ToList();
        var undescribed = endpoints
            .Where(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is null || e.Metadata.GetMetadata<IEndpointSummaryMetadata>() is null)
            .Select(e => e.DisplayName);

        Assert.True(endpoints.Count >= 48, $"only {endpoints.Count} endpoints found");
        Assert.Empty(undescribed);
    }

    [Fact]
    public async Task The_openapi_document_gives_every_operation_an_id_and_a_summary_from_the_handlers_comments()
    {
        await using var app = new HotlineApp();

        var document = JsonNode.Parse(await app.CreateClient().GetStringAsync(OpenApiGets.DocumentPath, Ct))!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(operation => (Route: $"{operation.Key} {path.Key}", Operation: operation.Value!)))
            .ToList();

        Assert.NotEmpty(operations);
        Assert.Empty(operations.Where(o => o.Operation["operationId"] is null || o.Operation["summary"] is null).Select(o => o.Route));
        // The handler's /// summary reaches the document (GenerateDocumentationFile), ahead of the mapping's WithSummary.
        Assert.Equal("The open cases the caller may work, most urgent first, with the sequence number they reflect.",
            (string?)document["paths"]!["/api/queue"]!["get"]!["summary"]);
    }

    /// <summary>
    /// The endpoints the host's features map: not the hub's, which SignalR maps, nor the console's files, which
    /// come from the static-asset manifest (with, in Development, a fallback for files added since the build), nor
    /// the OpenAPI document's.
    /// </summary>
    private static IEnumerable<RouteEndpoint> HotlineEndpoints(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HubMetadata>() is null)
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null && e.Order != int.MaxValue)
            .Where(e => e.RoutePattern.RawText != "/api/openapi/{documentName}.json");
}
