using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Matcher.Data.PostgreSql;

/// <summary>
/// Lets <c>dotnet ef migrations add … --project src/Matcher.Data.PostgreSql --startup-project src/Matcher.Data.PostgreSql</c>
/// build PostgreSQL's model. No server is contacted to add a migration.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MatcherDbContext>
{
    public MatcherDbContext CreateDbContext(string[] args)
    {
        var options = new StoreOptions { Provider = StoreOptions.PostgreSql, ConnectionString = "Host=localhost;Database=matcher_design" };
        return new(StoreServiceCollectionExtensions.Configure(new DbContextOptionsBuilder<MatcherDbContext>(), options).Options);
    }
}
