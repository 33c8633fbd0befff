namespace RopeGen.Tests;

public class RotaryValidationTests
{
    [Fact]
    public void ValidDefaultConfigurationHasNoProblems() =>
        Assert.Empty(RotaryValidation.Validate(new RotaryConfig(128)));
}
