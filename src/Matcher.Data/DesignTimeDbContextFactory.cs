using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Matcher.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context without starting the web app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<MatcherDbContext>
{
    public MatcherDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<MatcherDbContext>().UseSqlite("Data Source=design.db").Options);
}
