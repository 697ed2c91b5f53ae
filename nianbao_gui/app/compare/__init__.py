"""对比去年 and the 与去年相同 shading."""
