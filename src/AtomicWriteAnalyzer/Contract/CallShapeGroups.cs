namespace AtomicWriteAnalyzer.Contract
{
    /// <summary>The groups of shapes the planners and the fixes treat alike, named once.</summary>
    internal static class CallShapeGroups
    {
        /// <summary><c>File.WriteAll*</c> (+<c>Async</c>): the whole content in one call, with an <c>AtomicFile</c> twin.</summary>
        public static bool IsWholeFileWrite(CallShape shape) => shape switch
        {
            CallShape.WriteAllText or CallShape.WriteAllTextAsync or CallShape.WriteAllBytes or CallShape.WriteAllBytesAsync
                or CallShape.WriteAllLines or CallShape.WriteAllLinesAsync => true,
            _ => false,
        };

        /// <summary>The calls that open a stream or writer over the file, which AW0001's fix turns into <c>AtomicFile.Create</c>/<c>CreateText</c>.</summary>
        public static bool IsStreamOpen(CallShape shape) => shape switch
        {
            CallShape.FileStream or CallShape.FileCreate or CallShape.FileOpen or CallShape.FileOpenWrite or CallShape.FileInfoCreate
                or CallShape.FileInfoOpenWrite or CallShape.FileInfoOpen or CallShape.FileCreateText or CallShape.FileInfoCreateText
                or CallShape.StreamWriter => true,
            _ => false,
        };
    }
}
