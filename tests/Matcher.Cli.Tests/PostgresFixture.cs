[assembly: AssemblyFixture(typeof(Matcher.Testing.PostgresServer))]
