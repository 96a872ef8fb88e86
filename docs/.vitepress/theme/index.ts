// The default VitePress theme with a few layout rules for the reference (see custom.css).
import DefaultTheme from 'vitepress/theme';
import './custom.css';

export default DefaultTheme;
