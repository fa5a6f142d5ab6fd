// The public site's stylesheet, served as a file (/site/site.css, cached): readable on a phone first.
export const SITE_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:17px/1.75 -apple-system,BlinkMacSystemFont,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#222;background:#f6f3ee}
a{color:#a4161a}
.top{background:#c8102e;color:#fff;padding:12px 16px}
.top a{color:#fff;text-decoration:none}
.top .brand{font-size:20px;font-weight:600}
.top nav{font-size:15px;margin-top:4px;opacity:.95}
.top .search{display:flex;gap:6px;margin-top:8px}
.top .search input{flex:1;min-width:0;font-size:16px;padding:6px 8px;border:0;border-radius:4px}
.top .search button{font-size:16px;padding:6px 12px;border:0;border-radius:4px;background:#fff;color:#c8102e}
mark{background:#ffe58f;color:inherit;padding:0 1px}
main{max-width:760px;margin:0 auto;padding:16px}
.card{background:#fff;border-radius:8px;padding:16px;margin-bottom:16px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
h1{font-size:24px;line-height:1.4;margin:0 0 8px}
h2{font-size:19px;margin:0 0 8px}
.meta{color:#666;font-size:14px}
.intro{color:#444;margin:4px 0 0}
ul.list{list-style:none;margin:0;padding:0}
ul.list li{padding:12px 0;border-bottom:1px solid #eee}
ul.list li:last-child{border-bottom:0}
ul.list a.t{font-size:18px;text-decoration:none;color:#222;font-weight:600}
ul.list p{margin:4px 0 0;color:#555;font-size:15px}
ul.cols{margin:0;padding-left:20px}
.body{overflow-wrap:anywhere;margin-top:12px}
.body h1,.body h2,.body h3,.body h4{margin:20px 0 8px;line-height:1.4}
.body img{max-width:100%;height:auto}
.body table{border-collapse:collapse;display:block;overflow-x:auto;max-width:100%}
.body td,.body th{border:1px solid #ccc;padding:4px 8px}
.body blockquote{margin:0;padding-left:12px;border-left:4px solid #ddd;color:#555}
.files{padding-left:20px}
.more{display:inline-block;margin-top:8px;padding:8px 16px;border:1px solid #c8102e;border-radius:6px;text-decoration:none}
footer{text-align:center;color:#888;font-size:13px;padding:24px 16px}
@media (min-width:768px){body{font-size:18px}h1{font-size:28px}}
`;
