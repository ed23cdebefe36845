using Hotline.Api.Tests.Storage;

namespace Hotline.Api.Tests.Infrastructure;

// The statement coverage of the tests that take both engines (Storage/BothEngineStatements) is this assembly's:
// the projects that compile HotlineApp and TestDatabase from here leave these notes out.
public sealed partial class HotlineApp
{
    partial void Disposed(Database database) => BothEngineStatements.Record(database);
}

public sealed partial class TestDatabase
{
    partial void Disposed(Database database) => BothEngineStatements.Record(database);
}
